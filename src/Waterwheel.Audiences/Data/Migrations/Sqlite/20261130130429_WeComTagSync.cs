using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Audiences.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WeComTagSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SyncToWeCom",
                table: "audiences_tag_groups",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "audiences_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Partition = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RelayedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ParkedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_tags_TenantId_WeComTagId",
                table: "audiences_tags",
                columns: new[] { "TenantId", "WeComTagId" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_tag_groups_TenantId_WeComGroupId",
                table: "audiences_tag_groups",
                columns: new[] { "TenantId", "WeComGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_outbox_Partition_OccurredAt",
                table: "audiences_outbox",
                columns: new[] { "Partition", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_outbox_RelayedAt_ParkedAt_OccurredAt",
                table: "audiences_outbox",
                columns: new[] { "RelayedAt", "ParkedAt", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audiences_outbox");

            migrationBuilder.DropIndex(
                name: "IX_audiences_tags_TenantId_WeComTagId",
                table: "audiences_tags");

            migrationBuilder.DropIndex(
                name: "IX_audiences_tag_groups_TenantId_WeComGroupId",
                table: "audiences_tag_groups");

            migrationBuilder.DropColumn(
                name: "SyncToWeCom",
                table: "audiences_tag_groups");
        }
    }
}
