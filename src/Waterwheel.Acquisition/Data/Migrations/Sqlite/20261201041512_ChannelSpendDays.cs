using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelSpendDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SpendFrom",
                table: "acquisition_channels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SpendTo",
                table: "acquisition_channels",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SpendFrom",
                table: "acquisition_channels");

            migrationBuilder.DropColumn(
                name: "SpendTo",
                table: "acquisition_channels");
        }
    }
}
