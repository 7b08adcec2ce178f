using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParcelCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "acquisition_parcel_cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    WeComUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfigId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    QrCodeUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LinkedExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_parcel_cards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_parcel_cards_TenantId_Channel_OrderNumber",
                table: "acquisition_parcel_cards",
                columns: new[] { "TenantId", "Channel", "OrderNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_parcel_cards_TenantId_CodeId_CreatedAt",
                table: "acquisition_parcel_cards",
                columns: new[] { "TenantId", "CodeId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_parcel_cards_Token",
                table: "acquisition_parcel_cards",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acquisition_parcel_cards");
        }
    }
}
