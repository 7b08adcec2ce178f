using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffMobileTail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MobileTailHash",
                schema: "platform",
                table: "staff",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_TenantId_MobileTailHash",
                schema: "platform",
                table: "staff",
                columns: new[] { "TenantId", "MobileTailHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_staff_TenantId_MobileTailHash",
                schema: "platform",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "MobileTailHash",
                schema: "platform",
                table: "staff");
        }
    }
}
