using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.WeCom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertsAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wecom_outbox",
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
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_relation_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RelationStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_relation_alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_outbox_RelayedAt_OccurredAt",
                table: "wecom_outbox",
                columns: new[] { "RelayedAt", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_relation_alerts_TenantId_EventKey",
                table: "wecom_relation_alerts",
                columns: new[] { "TenantId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_relation_alerts_TenantId_Status_OccurredAt",
                table: "wecom_relation_alerts",
                columns: new[] { "TenantId", "Status", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wecom_outbox");

            migrationBuilder.DropTable(
                name: "wecom_relation_alerts");
        }
    }
}
