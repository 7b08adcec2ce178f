using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.WeCom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "wecom");

            migrationBuilder.CreateTable(
                name: "corp_connections",
                schema: "wecom",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CorpId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecretCipher = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CallbackToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AesKeyCipher = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    WelcomeText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastTestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastTestResult = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corp_connections", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "external_contacts",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Avatar = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    UnionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CorpName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_external_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_relations",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Remark = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddWay = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WelcomeSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SeenBySync = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_relations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_runs",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Staff = table.Column<string>(type: "text", nullable: false),
                    StaffListed = table.Column<bool>(type: "boolean", nullable: false),
                    Chunk = table.Column<int>(type: "integer", nullable: false),
                    Cursor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    Relations = table.Column<int>(type: "integer", nullable: false),
                    Ended = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_external_contacts_TenantId_ExternalUserId",
                schema: "wecom",
                table: "external_contacts",
                columns: new[] { "TenantId", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_relations_TenantId_AddedAt",
                schema: "wecom",
                table: "follow_relations",
                columns: new[] { "TenantId", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_relations_TenantId_ExternalUserId_StaffUserId",
                schema: "wecom",
                table: "follow_relations",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_runs_Status",
                schema: "wecom",
                table: "sync_runs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_sync_runs_TenantId_StartedAt",
                schema: "wecom",
                table: "sync_runs",
                columns: new[] { "TenantId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "corp_connections",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "external_contacts",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "follow_relations",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "sync_runs",
                schema: "wecom");
        }
    }
}
