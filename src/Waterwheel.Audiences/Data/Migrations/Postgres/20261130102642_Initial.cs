using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waterwheel.Audiences.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "audiences");

            migrationBuilder.CreateTable(
                name: "customer_tags",
                schema: "audiences",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cause = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TaggedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_tags", x => new { x.TenantId, x.ProfileId, x.TagId });
                });

            migrationBuilder.CreateTable(
                name: "member_changes",
                schema: "audiences",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TagId = table.Column<Guid>(type: "uuid", nullable: true),
                    Values = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_changes", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "member_tags",
                schema: "audiences",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_tags", x => new { x.tenant_id, x.tag_id, x.ordinal });
                });

            migrationBuilder.CreateTable(
                name: "members",
                schema: "audiences",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_org_path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    gender = table.Column<string>(type: "text", nullable: true),
                    province = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    lifecycle_stage = table.Column<string>(type: "text", nullable: true),
                    owner_store = table.Column<string>(type: "text", nullable: true),
                    owner_staff = table.Column<string>(type: "text", nullable: true),
                    owner_dealer = table.Column<string>(type: "text", nullable: true),
                    order_count = table.Column<long>(type: "bigint", nullable: true),
                    total_spent = table.Column<long>(type: "bigint", nullable: true),
                    average_order_value = table.Column<long>(type: "bigint", nullable: true),
                    last_order_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_seen_on = table.Column<DateOnly>(type: "date", nullable: true),
                    birthday = table.Column<DateOnly>(type: "date", nullable: true),
                    rfm_r = table.Column<long>(type: "bigint", nullable: true),
                    rfm_f = table.Column<long>(type: "bigint", nullable: true),
                    rfm_m = table.Column<long>(type: "bigint", nullable: true),
                    consent_wecom = table.Column<bool>(type: "boolean", nullable: true),
                    consent_sms = table.Column<bool>(type: "boolean", nullable: true),
                    consent_email = table.Column<bool>(type: "boolean", nullable: true),
                    attributes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => new { x.tenant_id, x.ordinal });
                });

            migrationBuilder.CreateTable(
                name: "ordinal_counters",
                schema: "audiences",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordinal_counters", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "pack_members",
                schema: "audiences",
                columns: table => new
                {
                    PackId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_members", x => new { x.PackId, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "packs",
                schema: "audiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SegmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExpressionJson = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    ExpressionText = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Bitmap = table.Column<byte[]>(type: "bytea", nullable: false),
                    OwnerOrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_packs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "segments",
                schema: "audiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Expression = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    OwnerOrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tag_groups",
                schema: "audiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MultiValued = table.Column<bool>(type: "boolean", nullable: false),
                    WeComGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tag_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                schema: "audiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    WeComTagId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExpiryDays = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tags", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customer_tags_ExpiresAt",
                schema: "audiences",
                table: "customer_tags",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_customer_tags_TenantId_TagId",
                schema: "audiences",
                table: "customer_tags",
                columns: new[] { "TenantId", "TagId" });

            migrationBuilder.CreateIndex(
                name: "IX_member_changes_At",
                schema: "audiences",
                table: "member_changes",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_member_tags_tenant_id_ordinal_tag_id",
                schema: "audiences",
                table: "member_tags",
                columns: new[] { "tenant_id", "ordinal", "tag_id" });

            migrationBuilder.CreateIndex(
                name: "IX_members_tenant_id_profile_id",
                schema: "audiences",
                table: "members",
                columns: new[] { "tenant_id", "profile_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_packs_TenantId_FrozenAt",
                schema: "audiences",
                table: "packs",
                columns: new[] { "TenantId", "FrozenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_segments_TenantId_Name",
                schema: "audiences",
                table: "segments",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_tag_groups_TenantId_Name",
                schema: "audiences",
                table: "tag_groups",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tags_TenantId_GroupId",
                schema: "audiences",
                table: "tags",
                columns: new[] { "TenantId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_tags_TenantId_Name",
                schema: "audiences",
                table: "tags",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_tags",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "member_changes",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "member_tags",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "members",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "ordinal_counters",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "pack_members",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "packs",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "segments",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "tag_groups",
                schema: "audiences");

            migrationBuilder.DropTable(
                name: "tags",
                schema: "audiences");
        }
    }
}
