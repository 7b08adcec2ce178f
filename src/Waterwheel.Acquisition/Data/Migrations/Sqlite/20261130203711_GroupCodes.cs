using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GroupCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "acquisition_group_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ChatIds = table.Column<string>(type: "TEXT", nullable: false),
                    Cap = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoCreateRoom = table.Column<bool>(type: "INTEGER", nullable: false),
                    RoomBaseName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RoomBaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    WelcomeText = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    WelcomeTemplateId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ConfigId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    QrCodeUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LiveChatIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_group_codes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_group_codes_Status",
                table: "acquisition_group_codes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_group_codes_TenantId_ChannelId",
                table: "acquisition_group_codes",
                columns: new[] { "TenantId", "ChannelId" });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_group_codes_TenantId_State",
                table: "acquisition_group_codes",
                columns: new[] { "TenantId", "State" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acquisition_group_codes");
        }
    }
}
