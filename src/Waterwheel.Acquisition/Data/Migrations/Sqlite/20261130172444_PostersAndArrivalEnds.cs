using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostersAndArrivalEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAt",
                table: "acquisition_arrivals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "acquisition_posters",
                columns: table => new
                {
                    CodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Background = table.Column<byte[]>(type: "BLOB", nullable: true),
                    BackgroundFormat = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Layout = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_posters", x => x.CodeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_arrivals_TenantId_Day",
                table: "acquisition_arrivals",
                columns: new[] { "TenantId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_posters_TenantId",
                table: "acquisition_posters",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acquisition_posters");

            migrationBuilder.DropIndex(
                name: "IX_acquisition_arrivals_TenantId_Day",
                table: "acquisition_arrivals");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "acquisition_arrivals");
        }
    }
}
