using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttributesConsentAndLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attributes",
                table: "customers_profiles",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Birthday",
                table: "customers_profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "customers_profiles",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Province",
                table: "customers_profiles",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MovedConsents",
                table: "customers_profile_merges",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "customers_attribute_definitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_attribute_definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customers_lifecycle_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewForDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AtRiskWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DormantWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers_lifecycle_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customers_attribute_definitions_TenantId_Key",
                table: "customers_attribute_definitions",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customers_consents_TenantId_ProfileId_Channel_At",
                table: "customers_consents",
                columns: new[] { "TenantId", "ProfileId", "Channel", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_lifecycle_settings_TenantId",
                table: "customers_lifecycle_settings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_attribute_definitions");

            migrationBuilder.DropTable(
                name: "customers_consents");

            migrationBuilder.DropTable(
                name: "customers_lifecycle_settings");

            migrationBuilder.DropColumn(
                name: "Attributes",
                table: "customers_profiles");

            migrationBuilder.DropColumn(
                name: "Birthday",
                table: "customers_profiles");

            migrationBuilder.DropColumn(
                name: "City",
                table: "customers_profiles");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "customers_profiles");

            migrationBuilder.DropColumn(
                name: "MovedConsents",
                table: "customers_profile_merges");
        }
    }
}
