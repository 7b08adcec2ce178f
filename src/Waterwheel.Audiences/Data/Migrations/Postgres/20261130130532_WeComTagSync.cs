using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Audiences.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WeComTagSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SyncToWeCom",
                schema: "audiences",
                table: "tag_groups",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "audiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Partition = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RelayedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ParkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tags_TenantId_WeComTagId",
                schema: "audiences",
                table: "tags",
                columns: new[] { "TenantId", "WeComTagId" });

            migrationBuilder.CreateIndex(
                name: "IX_tag_groups_TenantId_WeComGroupId",
                schema: "audiences",
                table: "tag_groups",
                columns: new[] { "TenantId", "WeComGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Partition_OccurredAt",
                schema: "audiences",
                table: "outbox",
                columns: new[] { "Partition", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_RelayedAt_ParkedAt_OccurredAt",
                schema: "audiences",
                table: "outbox",
                columns: new[] { "RelayedAt", "ParkedAt", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox",
                schema: "audiences");

            migrationBuilder.DropIndex(
                name: "IX_tags_TenantId_WeComTagId",
                schema: "audiences",
                table: "tags");

            migrationBuilder.DropIndex(
                name: "IX_tag_groups_TenantId_WeComGroupId",
                schema: "audiences",
                table: "tag_groups");

            migrationBuilder.DropColumn(
                name: "SyncToWeCom",
                schema: "audiences",
                table: "tag_groups");
        }
    }
}
