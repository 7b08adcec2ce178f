using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProfileNameTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_name_terms",
                schema: "customers",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_name_terms", x => new { x.TenantId, x.Term, x.ProfileId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_profile_name_terms_ProfileId",
                schema: "customers",
                table: "profile_name_terms",
                column: "ProfileId");

            // Names already stored get their terms: each character and each adjacent pair, lower-cased, none with a space.
            migrationBuilder.Sql("""
                INSERT INTO customers.profile_name_terms ("TenantId", "Term", "ProfileId")
                SELECT DISTINCT p."TenantId", t.term, p."Id"
                FROM customers.profiles p
                CROSS JOIN LATERAL (
                    SELECT substr(lower(p."Name"), i, 1) AS term FROM generate_series(1, char_length(p."Name")) AS i
                    UNION
                    SELECT substr(lower(p."Name"), i, 2) FROM generate_series(1, char_length(p."Name") - 1) AS i) AS t
                WHERE t.term !~ '\s';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_name_terms",
                schema: "customers");
        }
    }
}
