using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.WeCom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClusteredOutboxAndSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_RelayedAt_OccurredAt",
                schema: "wecom",
                table: "outbox");

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                schema: "wecom",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                schema: "wecom",
                table: "outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                schema: "wecom",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ParkedAt",
                schema: "wecom",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_runs_one_running",
                schema: "wecom",
                table: "sync_runs",
                column: "TenantId",
                unique: true,
                filter: "\"Status\" = 'Running'");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Partition_OccurredAt",
                schema: "wecom",
                table: "outbox",
                columns: new[] { "Partition", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_RelayedAt_ParkedAt_OccurredAt",
                schema: "wecom",
                table: "outbox",
                columns: new[] { "RelayedAt", "ParkedAt", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sync_runs_one_running",
                schema: "wecom",
                table: "sync_runs");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Partition_OccurredAt",
                schema: "wecom",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_RelayedAt_ParkedAt_OccurredAt",
                schema: "wecom",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "DueAt",
                schema: "wecom",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                schema: "wecom",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                schema: "wecom",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "ParkedAt",
                schema: "wecom",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_RelayedAt_OccurredAt",
                schema: "wecom",
                table: "outbox",
                columns: new[] { "RelayedAt", "OccurredAt" });
        }
    }
}
