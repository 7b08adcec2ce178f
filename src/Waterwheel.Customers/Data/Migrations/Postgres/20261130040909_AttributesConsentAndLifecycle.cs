using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttributesConsentAndLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attributes",
                schema: "customers",
                table: "profiles",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Birthday",
                schema: "customers",
                table: "profiles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "City",
                schema: "customers",
                table: "profiles",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Province",
                schema: "customers",
                table: "profiles",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "MovedConsents",
                schema: "customers",
                table: "profile_merges",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "attribute_definitions",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attribute_definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lifecycle_settings",
                schema: "customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NewForDays = table.Column<int>(type: "integer", nullable: false),
                    ActiveWithinDays = table.Column<int>(type: "integer", nullable: false),
                    AtRiskWithinDays = table.Column<int>(type: "integer", nullable: false),
                    DormantWithinDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lifecycle_settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attribute_definitions_TenantId_Key",
                schema: "customers",
                table: "attribute_definitions",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consents_TenantId_ProfileId_Channel_At",
                schema: "customers",
                table: "consents",
                columns: new[] { "TenantId", "ProfileId", "Channel", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_lifecycle_settings_TenantId",
                schema: "customers",
                table: "lifecycle_settings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attribute_definitions",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "consents",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "lifecycle_settings",
                schema: "customers");

            migrationBuilder.DropColumn(
                name: "Attributes",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "Birthday",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "City",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "Province",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "MovedConsents",
                schema: "customers",
                table: "profile_merges");
        }
    }
}
