using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NearestStoreRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicToken",
                schema: "acquisition",
                table: "live_codes",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Routing",
                schema: "acquisition",
                table: "live_codes",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "landing_counts",
                schema: "acquisition",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Views = table.Column<int>(type: "integer", nullable: false),
                    Grants = table.Column<int>(type: "integer", nullable: false),
                    Denials = table.Column<int>(type: "integer", nullable: false),
                    Routed = table.Column<int>(type: "integer", nullable: false),
                    Fallbacks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_landing_counts", x => new { x.TenantId, x.CodeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "store_ways",
                schema: "acquisition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeComUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ConfigId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QrCodeUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_store_ways", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_live_codes_PublicToken",
                schema: "acquisition",
                table: "live_codes",
                column: "PublicToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_store_ways_TenantId_CodeId_WeComUserId",
                schema: "acquisition",
                table: "store_ways",
                columns: new[] { "TenantId", "CodeId", "WeComUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_store_ways_TenantId_State",
                schema: "acquisition",
                table: "store_ways",
                columns: new[] { "TenantId", "State" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "landing_counts",
                schema: "acquisition");

            migrationBuilder.DropTable(
                name: "store_ways",
                schema: "acquisition");

            migrationBuilder.DropIndex(
                name: "IX_live_codes_PublicToken",
                schema: "acquisition",
                table: "live_codes");

            migrationBuilder.DropColumn(
                name: "PublicToken",
                schema: "acquisition",
                table: "live_codes");

            migrationBuilder.DropColumn(
                name: "Routing",
                schema: "acquisition",
                table: "live_codes");
        }
    }
}
