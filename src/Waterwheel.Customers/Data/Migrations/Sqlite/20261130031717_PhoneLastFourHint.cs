using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhoneLastFourHint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hint",
                table: "customers_identities",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_identities_TenantId_Hint",
                table: "customers_identities",
                columns: new[] { "TenantId", "Hint" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_customers_identities_TenantId_Hint",
                table: "customers_identities");

            migrationBuilder.DropColumn(
                name: "Hint",
                table: "customers_identities");
        }
    }
}
