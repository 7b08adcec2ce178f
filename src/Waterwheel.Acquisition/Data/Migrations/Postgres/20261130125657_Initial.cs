using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "acquisition");

            migrationBuilder.CreateTable(
                name: "arrivals",
                schema: "acquisition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_arrivals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "channels",
                schema: "acquisition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "live_codes",
                schema: "acquisition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Policy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SkipVerify = table.Column<bool>(type: "boolean", nullable: false),
                    Pool = table.Column<string>(type: "text", nullable: false),
                    Schedule = table.Column<string>(type: "text", nullable: false),
                    TagIds = table.Column<string>(type: "text", nullable: false),
                    Welcome = table.Column<string>(type: "text", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ConfigId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QrCodeUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LiveUserIds = table.Column<string>(type: "text", nullable: false),
                    LastUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_codes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_arrivals_TenantId_CodeId_Day_StaffUserId",
                schema: "acquisition",
                table: "arrivals",
                columns: new[] { "TenantId", "CodeId", "Day", "StaffUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_arrivals_TenantId_ExternalUserId_StaffUserId_At",
                schema: "acquisition",
                table: "arrivals",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId", "At" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_channels_TenantId_Name",
                schema: "acquisition",
                table: "channels",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_channels_TenantId_ParentId",
                schema: "acquisition",
                table: "channels",
                columns: new[] { "TenantId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_live_codes_Status",
                schema: "acquisition",
                table: "live_codes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_live_codes_TenantId_ChannelId",
                schema: "acquisition",
                table: "live_codes",
                columns: new[] { "TenantId", "ChannelId" });

            migrationBuilder.CreateIndex(
                name: "IX_live_codes_TenantId_State",
                schema: "acquisition",
                table: "live_codes",
                columns: new[] { "TenantId", "State" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "arrivals",
                schema: "acquisition");

            migrationBuilder.DropTable(
                name: "channels",
                schema: "acquisition");

            migrationBuilder.DropTable(
                name: "live_codes",
                schema: "acquisition");
        }
    }
}
