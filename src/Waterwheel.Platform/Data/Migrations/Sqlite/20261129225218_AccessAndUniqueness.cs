using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessAndUniqueness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_staff_TenantId_MobileHash",
                table: "platform_staff");

            migrationBuilder.AddColumn<bool>(
                name: "IsService",
                table: "platform_api_keys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerStaffId",
                table: "platform_api_keys",
                type: "TEXT",
                nullable: true);

            // Keys made before keys had owners belong to the person who created them; one created by a key stays
            // ownerless and is refused until it is replaced.
            migrationBuilder.Sql(@"UPDATE ""platform_api_keys"" SET ""OwnerStaffId"" = (SELECT a.""StaffId"" FROM ""platform_accounts"" a WHERE a.""UserName"" = ""platform_api_keys"".""CreatedBy"" AND a.""TenantId"" = ""platform_api_keys"".""TenantId"");");

            migrationBuilder.CreateIndex(
                name: "IX_platform_staff_TenantId_MobileHash",
                table: "platform_staff",
                columns: new[] { "TenantId", "MobileHash" },
                unique: true,
                filter: "\"Status\" = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_staff_TenantId_MobileHash",
                table: "platform_staff");

            migrationBuilder.DropColumn(
                name: "IsService",
                table: "platform_api_keys");

            migrationBuilder.DropColumn(
                name: "OwnerStaffId",
                table: "platform_api_keys");

            migrationBuilder.CreateIndex(
                name: "IX_platform_staff_TenantId_MobileHash",
                table: "platform_staff",
                columns: new[] { "TenantId", "MobileHash" });
        }
    }
}
