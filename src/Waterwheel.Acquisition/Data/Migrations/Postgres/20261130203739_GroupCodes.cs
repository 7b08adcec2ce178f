using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GroupCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_codes",
                schema: "acquisition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ChatIds = table.Column<string>(type: "text", nullable: false),
                    Cap = table.Column<int>(type: "integer", nullable: false),
                    AutoCreateRoom = table.Column<bool>(type: "boolean", nullable: false),
                    RoomBaseName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RoomBaseId = table.Column<long>(type: "bigint", nullable: false),
                    WelcomeText = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    WelcomeTemplateId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ConfigId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QrCodeUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LiveChatIds = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_codes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_group_codes_Status",
                schema: "acquisition",
                table: "group_codes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_group_codes_TenantId_ChannelId",
                schema: "acquisition",
                table: "group_codes",
                columns: new[] { "TenantId", "ChannelId" });

            migrationBuilder.CreateIndex(
                name: "IX_group_codes_TenantId_State",
                schema: "acquisition",
                table: "group_codes",
                columns: new[] { "TenantId", "State" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_codes",
                schema: "acquisition");
        }
    }
}
