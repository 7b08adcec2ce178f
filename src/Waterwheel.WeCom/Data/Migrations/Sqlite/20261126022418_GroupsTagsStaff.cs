using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.WeCom.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GroupsTagsStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Groups",
                table: "wecom_sync_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "GroupsEnded",
                table: "wecom_sync_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Members",
                table: "wecom_sync_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Phase",
                table: "wecom_sync_runs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Customers");

            // Runs from before phases existed had listed their staff already: a running one carries on with customers.
            migrationBuilder.Sql("UPDATE wecom_sync_runs SET \"Phase\" = 'Done' WHERE \"Status\" <> 'Running'");

            migrationBuilder.AddColumn<int>(
                name: "Tags",
                table: "wecom_sync_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "wecom_corp_tag_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_corp_tag_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_corp_tags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TagId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_corp_tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_customer_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MemberVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SeenBySync = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_customer_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_group_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JoinScene = table.Column<int>(type: "INTEGER", nullable: true),
                    InvitorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeftAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    QuitScene = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_group_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_relation_tags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TagId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_relation_tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_wecom_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DepartmentIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CanFollow = table.Column<bool>(type: "INTEGER", nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SeenBySync = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_wecom_members", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_corp_tag_groups_TenantId_GroupId",
                table: "wecom_corp_tag_groups",
                columns: new[] { "TenantId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_corp_tags_TenantId_GroupId",
                table: "wecom_corp_tags",
                columns: new[] { "TenantId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_corp_tags_TenantId_TagId",
                table: "wecom_corp_tags",
                columns: new[] { "TenantId", "TagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_customer_groups_TenantId_ChatId",
                table: "wecom_customer_groups",
                columns: new[] { "TenantId", "ChatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_customer_groups_TenantId_OwnerUserId",
                table: "wecom_customer_groups",
                columns: new[] { "TenantId", "OwnerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_group_members_TenantId_ChatId_MemberId",
                table: "wecom_group_members",
                columns: new[] { "TenantId", "ChatId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_group_members_TenantId_MemberId",
                table: "wecom_group_members",
                columns: new[] { "TenantId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_relation_tags_TenantId_ExternalUserId_StaffUserId_TagId",
                table: "wecom_relation_tags",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId", "TagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_relation_tags_TenantId_TagId",
                table: "wecom_relation_tags",
                columns: new[] { "TenantId", "TagId" });

            migrationBuilder.CreateIndex(
                name: "IX_wecom_wecom_members_TenantId_UserId",
                table: "wecom_wecom_members",
                columns: new[] { "TenantId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wecom_corp_tag_groups");

            migrationBuilder.DropTable(
                name: "wecom_corp_tags");

            migrationBuilder.DropTable(
                name: "wecom_customer_groups");

            migrationBuilder.DropTable(
                name: "wecom_group_members");

            migrationBuilder.DropTable(
                name: "wecom_relation_tags");

            migrationBuilder.DropTable(
                name: "wecom_wecom_members");

            migrationBuilder.DropColumn(
                name: "Groups",
                table: "wecom_sync_runs");

            migrationBuilder.DropColumn(
                name: "GroupsEnded",
                table: "wecom_sync_runs");

            migrationBuilder.DropColumn(
                name: "Members",
                table: "wecom_sync_runs");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "wecom_sync_runs");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "wecom_sync_runs");
        }
    }
}
