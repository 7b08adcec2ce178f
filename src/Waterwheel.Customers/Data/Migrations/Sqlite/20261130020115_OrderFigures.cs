using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "customers_timeline",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstOrderAt",
                table: "customers_profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastOrderAt",
                table: "customers_profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrderCount",
                table: "customers_profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "TotalSpent",
                table: "customers_profiles",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Amount",
                table: "customers_timeline");

            migrationBuilder.DropColumn(
                name: "FirstOrderAt",
                table: "customers_profiles");

            migrationBuilder.DropColumn(
                name: "LastOrderAt",
                table: "customers_profiles");

            migrationBuilder.DropColumn(
                name: "OrderCount",
                table: "customers_profiles");

            migrationBuilder.DropColumn(
                name: "TotalSpent",
                table: "customers_profiles");
        }
    }
}
