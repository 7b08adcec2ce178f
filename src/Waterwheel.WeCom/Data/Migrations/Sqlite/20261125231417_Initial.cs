using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.WeCom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wecom_corp_connections",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CorpId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretCipher = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CallbackToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AesKeyCipher = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    WelcomeText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastTestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastTestResult = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_corp_connections", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "wecom_external_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Avatar = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    UnionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CorpName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_external_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_follow_relations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AddWay = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WelcomeSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SeenBySync = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_follow_relations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_sync_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Staff = table.Column<string>(type: "TEXT", nullable: false),
                    StaffListed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Chunk = table.Column<int>(type: "INTEGER", nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    Relations = table.Column<int>(type: "INTEGER", nullable: false),
                    Ended = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_sync_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_external_contacts_TenantId_ExternalUserId",
                table: "wecom_external_contacts",
                columns: new[] { "TenantId", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_follow_relations_TenantId_AddedAt",
                table: "wecom_follow_relations",
                columns: new[] { "TenantId", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_follow_relations_TenantId_ExternalUserId_StaffUserId",
                table: "wecom_follow_relations",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_sync_runs_Status",
                table: "wecom_sync_runs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_wecom_sync_runs_TenantId_StartedAt",
                table: "wecom_sync_runs",
                columns: new[] { "TenantId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wecom_corp_connections");

            migrationBuilder.DropTable(
                name: "wecom_external_contacts");

            migrationBuilder.DropTable(
                name: "wecom_follow_relations");

            migrationBuilder.DropTable(
                name: "wecom_sync_runs");
        }
    }
}
