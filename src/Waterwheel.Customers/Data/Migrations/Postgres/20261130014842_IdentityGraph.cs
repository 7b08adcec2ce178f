using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdentityGraph : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                schema: "customers",
                table: "profiles",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "identifier_marks",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identifier_marks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_rules",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MaxPerProfile = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    MayMerge = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "profile_merges",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Cause = table.Column<List<string>>(type: "text[]", nullable: false),
                    MovedIdentities = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    MovedRelationships = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    MovedTimeline = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_merges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identifier_marks_TenantId_Type_Key",
                schema: "customers",
                table: "identifier_marks",
                columns: new[] { "TenantId", "Type", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_rules_TenantId_Type",
                schema: "customers",
                table: "identity_rules",
                columns: new[] { "TenantId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_profile_merges_TenantId_MergedId",
                schema: "customers",
                table: "profile_merges",
                columns: new[] { "TenantId", "MergedId" });

            migrationBuilder.CreateIndex(
                name: "IX_profile_merges_TenantId_SurvivorId_MergedAt",
                schema: "customers",
                table: "profile_merges",
                columns: new[] { "TenantId", "SurvivorId", "MergedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identifier_marks",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "identity_rules",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "profile_merges",
                schema: "customers");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                schema: "customers",
                table: "profiles");
        }
    }
}
