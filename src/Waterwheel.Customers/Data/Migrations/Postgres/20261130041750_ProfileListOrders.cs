using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProfileListOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_profiles_TenantId_FirstSeenAt",
                schema: "customers",
                table: "profiles",
                columns: new[] { "TenantId", "FirstSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_profiles_TenantId_Name",
                schema: "customers",
                table: "profiles",
                columns: new[] { "TenantId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_profiles_TenantId_FirstSeenAt",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropIndex(
                name: "IX_profiles_TenantId_Name",
                schema: "customers",
                table: "profiles");
        }
    }
}
