using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProfileNameTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers_profile_name_terms",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_profile_name_terms", x => new { x.TenantId, x.Term, x.ProfileId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_customers_profile_name_terms_ProfileId",
                table: "customers_profile_name_terms",
                column: "ProfileId");

            // Names already stored get their terms: each character and each adjacent pair, lower-cased, none with a space.
            migrationBuilder.Sql("""
                WITH RECURSIVE at(id, tenant, name, i) AS (
                    SELECT "Id", "TenantId", lower("Name"), 1 FROM customers_profiles WHERE length("Name") > 0
                    UNION ALL
                    SELECT id, tenant, name, i + 1 FROM at WHERE i < length(name))
                INSERT OR IGNORE INTO customers_profile_name_terms ("TenantId", "Term", "ProfileId")
                SELECT tenant, term, id FROM (
                    SELECT tenant, id, substr(name, i, 1) AS term FROM at
                    UNION
                    SELECT tenant, id, substr(name, i, 2) FROM at WHERE i < length(name))
                WHERE instr(term, ' ') = 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_profile_name_terms");
        }
    }
}
