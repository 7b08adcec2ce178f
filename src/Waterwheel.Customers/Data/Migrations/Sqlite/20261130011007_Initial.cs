using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers_identities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Cipher = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_identities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AvatarUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FirstSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerStoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerOrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerDealerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers_relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_relationships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers_timeline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_timeline", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customers_identities_TenantId_ProfileId",
                table: "customers_identities",
                columns: new[] { "TenantId", "ProfileId" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_identities_TenantId_Type_Key",
                table: "customers_identities",
                columns: new[] { "TenantId", "Type", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_profiles_TenantId_LastSeenAt",
                table: "customers_profiles",
                columns: new[] { "TenantId", "LastSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_profiles_TenantId_OwnerOrgPath",
                table: "customers_profiles",
                columns: new[] { "TenantId", "OwnerOrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_profiles_TenantId_OwnerStaffId",
                table: "customers_profiles",
                columns: new[] { "TenantId", "OwnerStaffId" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_profiles_TenantId_OwnerStoreId",
                table: "customers_profiles",
                columns: new[] { "TenantId", "OwnerStoreId" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_relationships_TenantId_ExternalUserId_StaffUserId",
                table: "customers_relationships",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_relationships_TenantId_ProfileId",
                table: "customers_relationships",
                columns: new[] { "TenantId", "ProfileId" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_timeline_TenantId_ProfileId_OccurredAt",
                table: "customers_timeline",
                columns: new[] { "TenantId", "ProfileId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_timeline_TenantId_SourceKey",
                table: "customers_timeline",
                columns: new[] { "TenantId", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_identities");

            migrationBuilder.DropTable(
                name: "customers_profiles");

            migrationBuilder.DropTable(
                name: "customers_relationships");

            migrationBuilder.DropTable(
                name: "customers_timeline");
        }
    }
}
