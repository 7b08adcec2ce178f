using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChannelSpendDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SpendFrom",
                schema: "acquisition",
                table: "channels",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SpendTo",
                schema: "acquisition",
                table: "channels",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SpendFrom",
                schema: "acquisition",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "SpendTo",
                schema: "acquisition",
                table: "channels");
        }
    }
}
