using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealerCustomerSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SharesCustomerDetails",
                schema: "platform",
                table: "org_units",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SharesCustomerDetails",
                schema: "platform",
                table: "org_units");
        }
    }
}
