using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DealerCustomerSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SharesCustomerDetails",
                table: "platform_org_units",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SharesCustomerDetails",
                table: "platform_org_units");
        }
    }
}
