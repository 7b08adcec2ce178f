using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentityGraph : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "customers_profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customers_identifier_marks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_identifier_marks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers_identity_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MaxPerProfile = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    MayMerge = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_identity_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers_profile_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", nullable: false),
                    MovedIdentities = table.Column<string>(type: "TEXT", nullable: false),
                    MovedRelationships = table.Column<string>(type: "TEXT", nullable: false),
                    MovedTimeline = table.Column<string>(type: "TEXT", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_profile_merges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customers_identifier_marks_TenantId_Type_Key",
                table: "customers_identifier_marks",
                columns: new[] { "TenantId", "Type", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_identity_rules_TenantId_Type",
                table: "customers_identity_rules",
                columns: new[] { "TenantId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_profile_merges_TenantId_MergedId",
                table: "customers_profile_merges",
                columns: new[] { "TenantId", "MergedId" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_profile_merges_TenantId_SurvivorId_MergedAt",
                table: "customers_profile_merges",
                columns: new[] { "TenantId", "SurvivorId", "MergedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_identifier_marks");

            migrationBuilder.DropTable(
                name: "customers_identity_rules");

            migrationBuilder.DropTable(
                name: "customers_profile_merges");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "customers_profiles");
        }
    }
}
