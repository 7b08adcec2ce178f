using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Acquisition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "acquisition_arrivals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_arrivals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "acquisition_channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_channels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "acquisition_live_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SkipVerify = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pool = table.Column<string>(type: "TEXT", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", nullable: false),
                    TagIds = table.Column<string>(type: "TEXT", nullable: false),
                    Welcome = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ConfigId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    QrCodeUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LiveUserIds = table.Column<string>(type: "TEXT", nullable: false),
                    LastUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acquisition_live_codes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_arrivals_TenantId_CodeId_Day_StaffUserId",
                table: "acquisition_arrivals",
                columns: new[] { "TenantId", "CodeId", "Day", "StaffUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_arrivals_TenantId_ExternalUserId_StaffUserId_At",
                table: "acquisition_arrivals",
                columns: new[] { "TenantId", "ExternalUserId", "StaffUserId", "At" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_channels_TenantId_Name",
                table: "acquisition_channels",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_channels_TenantId_ParentId",
                table: "acquisition_channels",
                columns: new[] { "TenantId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_live_codes_Status",
                table: "acquisition_live_codes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_live_codes_TenantId_ChannelId",
                table: "acquisition_live_codes",
                columns: new[] { "TenantId", "ChannelId" });

            migrationBuilder.CreateIndex(
                name: "IX_acquisition_live_codes_TenantId_State",
                table: "acquisition_live_codes",
                columns: new[] { "TenantId", "State" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acquisition_arrivals");

            migrationBuilder.DropTable(
                name: "acquisition_channels");

            migrationBuilder.DropTable(
                name: "acquisition_live_codes");
        }
    }
}
