using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NearestStoreRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicToken",
                table: "acquisition_live_codes",
                type: "TEXT",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Routing",
                table: "acquisition_live_codes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "acquisition_landing_counts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Views = table.Column<int>(type: "INTEGER", nullable: false),
                    Grants = table.Column<int>(type: "INTEGER", nullable: false),
                    Denials = table.Column<int>(type: "INTEGER", nullable: false),
                    Routed = table.Column<int>(type: "INTEGER", nullable: false),
                    Fallbacks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_landing_counts", x => new { x.TenantId, x.CodeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "acquisition_store_ways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeComUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ConfigId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    QrCodeUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_store_ways", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_live_codes_PublicToken",
                table: "acquisition_live_codes",
                column: "PublicToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_store_ways_TenantId_CodeId_WeComUserId",
                table: "acquisition_store_ways",
                columns: new[] { "TenantId", "CodeId", "WeComUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_store_ways_TenantId_State",
                table: "acquisition_store_ways",
                columns: new[] { "TenantId", "State" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acquisition_landing_counts");

            migrationBuilder.DropTable(
                name: "acquisition_store_ways");

            migrationBuilder.DropIndex(
                name: "IX_acquisition_live_codes_PublicToken",
                table: "acquisition_live_codes");

            migrationBuilder.DropColumn(
                name: "PublicToken",
                table: "acquisition_live_codes");

            migrationBuilder.DropColumn(
                name: "Routing",
                table: "acquisition_live_codes");
        }
    }
}
