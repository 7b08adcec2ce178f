using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhoneLastFourHint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hint",
                schema: "customers",
                table: "identities",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_identities_TenantId_Hint",
                schema: "customers",
                table: "identities",
                columns: new[] { "TenantId", "Hint" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_identities_TenantId_Hint",
                schema: "customers",
                table: "identities");

            migrationBuilder.DropColumn(
                name: "Hint",
                schema: "customers",
                table: "identities");
        }
    }
}
