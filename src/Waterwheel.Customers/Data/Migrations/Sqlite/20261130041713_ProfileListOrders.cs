using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProfileListOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_customers_profiles_TenantId_FirstSeenAt",
                table: "customers_profiles",
                columns: new[] { "TenantId", "FirstSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_profiles_TenantId_Name",
                table: "customers_profiles",
                columns: new[] { "TenantId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_customers_profiles_TenantId_FirstSeenAt",
                table: "customers_profiles");

            migrationBuilder.DropIndex(
                name: "IX_customers_profiles_TenantId_Name",
                table: "customers_profiles");
        }
    }
}
