using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "customers");

            migrationBuilder.CreateTable(
                name: "identities",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Cipher = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AvatarUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FirstSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerStoreId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerOrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OwnerDealerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "relationships",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relationships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timeline",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timeline", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identities_TenantId_ProfileId",
                schema: "customers",
                table: "identities",
                columns: new[] { "TenantId", "ProfileId" });

            migrationBuilder.CreateIndex(
                name: "IX_identities_TenantId_Type_Key",
                schema: "customers",
                table: "identities",
                columns: new[] { "TenantId", "Type", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_profiles_TenantId_LastSeenAt",
                schema: "customers",
                table: "profiles",
                columns: new[] { "TenantId", "LastSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_profiles_TenantId_OwnerOrgPath",
                schema: "customers",
                table: "profiles",
                columns: new[] { "TenantId", "OwnerOrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_profiles_TenantId_OwnerStaffId",
                schema: "customers",
                table: "profiles",
                columns: new[] { "TenantId", "OwnerStaffId" });

            migrationBuilder.CreateIndex(
                name: "IX_profiles_TenantId_OwnerStoreId",
                schema: "customers",
                table: "profiles",
                columns: new[] { "TenantId", "OwnerStoreId" });

            migrationBuilder.CreateIndex(
                name: "IX_relationships_TenantId_ExternalUserId_StaffUserId",
                schema: "customers",
                table: "relationships",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relationships_TenantId_ProfileId",
                schema: "customers",
                table: "relationships",
                columns: new[] { "TenantId", "ProfileId" });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_TenantId_ProfileId_OccurredAt",
                schema: "customers",
                table: "timeline",
                columns: new[] { "TenantId", "ProfileId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_TenantId_SourceKey",
                schema: "customers",
                table: "timeline",
                columns: new[] { "TenantId", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identities",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "profiles",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "relationships",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "timeline",
                schema: "customers");
        }
    }
}
