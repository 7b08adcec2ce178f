using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Audiences.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MembershipAndRuleTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Rule",
                schema: "audiences",
                table: "tags",
                type: "character varying(64000)",
                maxLength: 64000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "watch_states",
                schema: "audiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ExpressionHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Members = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watch_states", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_watch_states_TenantId",
                schema: "audiences",
                table: "watch_states",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "watch_states",
                schema: "audiences");

            migrationBuilder.DropColumn(
                name: "Rule",
                schema: "audiences",
                table: "tags");
        }
    }
}
