using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenInboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_inbox_open_arrival",
                table: "platform_inbox",
                columns: new[] { "ReceivedAt", "Id" },
                filter: "\"ProcessedAt\" IS NULL AND \"FailedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_open_source",
                table: "platform_inbox",
                column: "Source",
                filter: "\"ProcessedAt\" IS NULL AND \"FailedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_open_arrival",
                table: "platform_inbox");

            migrationBuilder.DropIndex(
                name: "IX_inbox_open_source",
                table: "platform_inbox");
        }
    }
}
