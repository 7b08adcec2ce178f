using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.WeCom.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GroupsTagsStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Groups",
                schema: "wecom",
                table: "sync_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "GroupsEnded",
                schema: "wecom",
                table: "sync_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Members",
                schema: "wecom",
                table: "sync_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Phase",
                schema: "wecom",
                table: "sync_runs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Customers");

            // Runs from before phases existed had listed their staff already: a running one carries on with customers.
            migrationBuilder.Sql("UPDATE wecom.sync_runs SET \"Phase\" = 'Done' WHERE \"Status\" <> 'Running'");

            migrationBuilder.AddColumn<int>(
                name: "Tags",
                schema: "wecom",
                table: "sync_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "corp_tag_groups",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corp_tag_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "corp_tags",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corp_tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customer_groups",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChatId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Notice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MemberVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SeenBySync = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChatId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JoinScene = table.Column<int>(type: "integer", nullable: true),
                    InvitorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeftAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QuitScene = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "relation_tags",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TagId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relation_tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_members",
                schema: "wecom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CanFollow = table.Column<bool>(type: "boolean", nullable: false),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SeenBySync = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_members", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_corp_tag_groups_TenantId_GroupId",
                schema: "wecom",
                table: "corp_tag_groups",
                columns: new[] { "TenantId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_corp_tags_TenantId_GroupId",
                schema: "wecom",
                table: "corp_tags",
                columns: new[] { "TenantId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_corp_tags_TenantId_TagId",
                schema: "wecom",
                table: "corp_tags",
                columns: new[] { "TenantId", "TagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customer_groups_TenantId_ChatId",
                schema: "wecom",
                table: "customer_groups",
                columns: new[] { "TenantId", "ChatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customer_groups_TenantId_OwnerUserId",
                schema: "wecom",
                table: "customer_groups",
                columns: new[] { "TenantId", "OwnerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_group_members_TenantId_ChatId_MemberId",
                schema: "wecom",
                table: "group_members",
                columns: new[] { "TenantId", "ChatId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_group_members_TenantId_MemberId",
                schema: "wecom",
                table: "group_members",
                columns: new[] { "TenantId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_relation_tags_TenantId_ExternalUserId_StaffUserId_TagId",
                schema: "wecom",
                table: "relation_tags",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId", "TagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relation_tags_TenantId_TagId",
                schema: "wecom",
                table: "relation_tags",
                columns: new[] { "TenantId", "TagId" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_members_TenantId_UserId",
                schema: "wecom",
                table: "wecom_members",
                columns: new[] { "TenantId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "corp_tag_groups",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "corp_tags",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "customer_groups",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "group_members",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "relation_tags",
                schema: "wecom");

            migrationBuilder.DropTable(
                name: "wecom_members",
                schema: "wecom");

            migrationBuilder.DropColumn(
                name: "Groups",
                schema: "wecom",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "GroupsEnded",
                schema: "wecom",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "Members",
                schema: "wecom",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "Phase",
                schema: "wecom",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "Tags",
                schema: "wecom",
                table: "sync_runs");
        }
    }
}
