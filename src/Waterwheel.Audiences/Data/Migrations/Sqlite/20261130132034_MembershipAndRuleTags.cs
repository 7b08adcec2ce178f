using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Audiences.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MembershipAndRuleTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Rule",
                table: "audiences_tags",
                type: "TEXT",
                maxLength: 64000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audiences_watch_states",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ExpressionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Members = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_watch_states", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_watch_states_TenantId",
                table: "audiences_watch_states",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audiences_watch_states");

            migrationBuilder.DropColumn(
                name: "Rule",
                table: "audiences_tags");
        }
    }
}
