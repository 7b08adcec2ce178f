using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.WeCom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClusteredOutboxAndSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wecom_outbox_RelayedAt_OccurredAt",
                table: "wecom_outbox");

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "wecom_outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "wecom_outbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "wecom_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ParkedAt",
                table: "wecom_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_runs_one_running",
                table: "wecom_sync_runs",
                column: "TenantId",
                unique: true,
                filter: "\"Status\" = 'Running'");

            migrationBuilder.CreateIndex(
                name: "IX_wecom_outbox_Partition_OccurredAt",
                table: "wecom_outbox",
                columns: new[] { "Partition", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_outbox_RelayedAt_ParkedAt_OccurredAt",
                table: "wecom_outbox",
                columns: new[] { "RelayedAt", "ParkedAt", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sync_runs_one_running",
                table: "wecom_sync_runs");

            migrationBuilder.DropIndex(
                name: "IX_wecom_outbox_Partition_OccurredAt",
                table: "wecom_outbox");

            migrationBuilder.DropIndex(
                name: "IX_wecom_outbox_RelayedAt_ParkedAt_OccurredAt",
                table: "wecom_outbox");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "wecom_outbox");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "wecom_outbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "wecom_outbox");

            migrationBuilder.DropColumn(
                name: "ParkedAt",
                table: "wecom_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_wecom_outbox_RelayedAt_OccurredAt",
                table: "wecom_outbox",
                columns: new[] { "RelayedAt", "OccurredAt" });
        }
    }
}
