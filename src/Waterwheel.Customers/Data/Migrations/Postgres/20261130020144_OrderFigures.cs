using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                schema: "customers",
                table: "timeline",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstOrderAt",
                schema: "customers",
                table: "profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastOrderAt",
                schema: "customers",
                table: "profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrderCount",
                schema: "customers",
                table: "profiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "TotalSpent",
                schema: "customers",
                table: "profiles",
                type: "numeric(18,2)",
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
                schema: "customers",
                table: "timeline");

            migrationBuilder.DropColumn(
                name: "FirstOrderAt",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "LastOrderAt",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "OrderCount",
                schema: "customers",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "TotalSpent",
                schema: "customers",
                table: "profiles");
        }
    }
}
