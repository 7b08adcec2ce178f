using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParcelCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parcel_cards",
                schema: "acquisition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    WeComUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfigId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    QrCodeUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LinkedExternalUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parcel_cards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_parcel_cards_TenantId_Channel_OrderNumber",
                schema: "acquisition",
                table: "parcel_cards",
                columns: new[] { "TenantId", "Channel", "OrderNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parcel_cards_TenantId_CodeId_CreatedAt",
                schema: "acquisition",
                table: "parcel_cards",
                columns: new[] { "TenantId", "CodeId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_parcel_cards_Token",
                schema: "acquisition",
                table: "parcel_cards",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "parcel_cards",
                schema: "acquisition");
        }
    }
}
