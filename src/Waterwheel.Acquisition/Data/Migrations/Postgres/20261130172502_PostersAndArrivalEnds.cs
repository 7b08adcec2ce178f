using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostersAndArrivalEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAt",
                schema: "acquisition",
                table: "arrivals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "posters",
                schema: "acquisition",
                columns: table => new
                {
                    CodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Background = table.Column<byte[]>(type: "bytea", nullable: true),
                    BackgroundFormat = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Layout = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posters", x => x.CodeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_arrivals_TenantId_Day",
                schema: "acquisition",
                table: "arrivals",
                columns: new[] { "TenantId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_posters_TenantId",
                schema: "acquisition",
                table: "posters",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "posters",
                schema: "acquisition");

            migrationBuilder.DropIndex(
                name: "IX_arrivals_TenantId_Day",
                schema: "acquisition",
                table: "arrivals");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                schema: "acquisition",
                table: "arrivals");
        }
    }
}
