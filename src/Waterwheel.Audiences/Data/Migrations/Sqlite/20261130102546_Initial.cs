using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Audiences.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audiences_customer_tags",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TagId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TaggedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_customer_tags", x => new { x.TenantId, x.ProfileId, x.TagId });
                });

            migrationBuilder.CreateTable(
                name: "audiences_member_changes",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TagId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Values = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_member_changes", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "audiences_member_tags",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "TEXT", nullable: false),
                    tag_id = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_member_tags", x => new { x.tenant_id, x.tag_id, x.ordinal });
                });

            migrationBuilder.CreateTable(
                name: "audiences_members",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    profile_id = table.Column<string>(type: "TEXT", nullable: false),
                    owner_org_path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    gender = table.Column<string>(type: "TEXT", nullable: true),
                    province = table.Column<string>(type: "TEXT", nullable: true),
                    city = table.Column<string>(type: "TEXT", nullable: true),
                    lifecycle_stage = table.Column<string>(type: "TEXT", nullable: true),
                    owner_store = table.Column<string>(type: "TEXT", nullable: true),
                    owner_staff = table.Column<string>(type: "TEXT", nullable: true),
                    owner_dealer = table.Column<string>(type: "TEXT", nullable: true),
                    order_count = table.Column<long>(type: "INTEGER", nullable: true),
                    total_spent = table.Column<long>(type: "INTEGER", nullable: true),
                    average_order_value = table.Column<long>(type: "INTEGER", nullable: true),
                    last_order_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    first_seen_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    birthday = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rfm_r = table.Column<long>(type: "INTEGER", nullable: true),
                    rfm_f = table.Column<long>(type: "INTEGER", nullable: true),
                    rfm_m = table.Column<long>(type: "INTEGER", nullable: true),
                    consent_wecom = table.Column<bool>(type: "INTEGER", nullable: true),
                    consent_sms = table.Column<bool>(type: "INTEGER", nullable: true),
                    consent_email = table.Column<bool>(type: "INTEGER", nullable: true),
                    attributes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_members", x => new { x.tenant_id, x.ordinal });
                });

            migrationBuilder.CreateTable(
                name: "audiences_ordinal_counters",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_ordinal_counters", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "audiences_pack_members",
                columns: table => new
                {
                    PackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_pack_members", x => new { x.PackId, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "audiences_packs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SegmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExpressionJson = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    ExpressionText = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Bitmap = table.Column<byte[]>(type: "BLOB", nullable: false),
                    OwnerOrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_packs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audiences_segments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Expression = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    OwnerOrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audiences_tag_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MultiValued = table.Column<bool>(type: "INTEGER", nullable: false),
                    WeComGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_tag_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audiences_tags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    WeComTagId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExpiryDays = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audiences_tags", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_customer_tags_ExpiresAt",
                table: "audiences_customer_tags",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_audiences_customer_tags_TenantId_TagId",
                table: "audiences_customer_tags",
                columns: new[] { "TenantId", "TagId" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_member_changes_At",
                table: "audiences_member_changes",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audiences_member_tags_tenant_id_ordinal_tag_id",
                table: "audiences_member_tags",
                columns: new[] { "tenant_id", "ordinal", "tag_id" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_members_tenant_id_profile_id",
                table: "audiences_members",
                columns: new[] { "tenant_id", "profile_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audiences_packs_TenantId_FrozenAt",
                table: "audiences_packs",
                columns: new[] { "TenantId", "FrozenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_segments_TenantId_Name",
                table: "audiences_segments",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_tag_groups_TenantId_Name",
                table: "audiences_tag_groups",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audiences_tags_TenantId_GroupId",
                table: "audiences_tags",
                columns: new[] { "TenantId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_audiences_tags_TenantId_Name",
                table: "audiences_tags",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audiences_customer_tags");

            migrationBuilder.DropTable(
                name: "audiences_member_changes");

            migrationBuilder.DropTable(
                name: "audiences_member_tags");

            migrationBuilder.DropTable(
                name: "audiences_members");

            migrationBuilder.DropTable(
                name: "audiences_ordinal_counters");

            migrationBuilder.DropTable(
                name: "audiences_pack_members");

            migrationBuilder.DropTable(
                name: "audiences_packs");

            migrationBuilder.DropTable(
                name: "audiences_segments");

            migrationBuilder.DropTable(
                name: "audiences_tag_groups");

            migrationBuilder.DropTable(
                name: "audiences_tags");
        }
    }
}
