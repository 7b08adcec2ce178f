using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffMobileTail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MobileTailHash",
                table: "platform_staff",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_staff_TenantId_MobileTailHash",
                table: "platform_staff",
                columns: new[] { "TenantId", "MobileTailHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_staff_TenantId_MobileTailHash",
                table: "platform_staff");

            migrationBuilder.DropColumn(
                name: "MobileTailHash",
                table: "platform_staff");
        }
    }
}
