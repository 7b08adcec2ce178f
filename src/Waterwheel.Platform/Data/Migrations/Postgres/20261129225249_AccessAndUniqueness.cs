using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessAndUniqueness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_staff_TenantId_MobileHash",
                schema: "platform",
                table: "staff");

            migrationBuilder.AddColumn<bool>(
                name: "IsService",
                schema: "platform",
                table: "api_keys",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerStaffId",
                schema: "platform",
                table: "api_keys",
                type: "uuid",
                nullable: true);

            // Keys made before keys had owners belong to the person who created them; one created by a key stays
            // ownerless and is refused until it is replaced.
            migrationBuilder.Sql(@"UPDATE platform.api_keys k SET ""OwnerStaffId"" = a.""StaffId"" FROM platform.accounts a WHERE a.""UserName"" = k.""CreatedBy"" AND a.""TenantId"" = k.""TenantId"";");

            migrationBuilder.CreateIndex(
                name: "IX_staff_TenantId_MobileHash",
                schema: "platform",
                table: "staff",
                columns: new[] { "TenantId", "MobileHash" },
                unique: true,
                filter: "\"Status\" = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_staff_TenantId_MobileHash",
                schema: "platform",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "IsService",
                schema: "platform",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "OwnerStaffId",
                schema: "platform",
                table: "api_keys");

            migrationBuilder.CreateIndex(
                name: "IX_staff_TenantId_MobileHash",
                schema: "platform",
                table: "staff",
                columns: new[] { "TenantId", "MobileHash" });
        }
    }
}
