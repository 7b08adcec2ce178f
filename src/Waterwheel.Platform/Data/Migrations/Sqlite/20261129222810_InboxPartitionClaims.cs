using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxPartitionClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_inbox_ProcessedAt_FailedAt_DueAt",
                table: "platform_inbox");

            migrationBuilder.CreateIndex(
                name: "IX_platform_inbox_Partition_ReceivedAt",
                table: "platform_inbox",
                columns: new[] { "Partition", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_inbox_ProcessedAt_FailedAt_ReceivedAt",
                table: "platform_inbox",
                columns: new[] { "ProcessedAt", "FailedAt", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_inbox_Partition_ReceivedAt",
                table: "platform_inbox");

            migrationBuilder.DropIndex(
                name: "IX_platform_inbox_ProcessedAt_FailedAt_ReceivedAt",
                table: "platform_inbox");

            migrationBuilder.CreateIndex(
                name: "IX_platform_inbox_ProcessedAt_FailedAt_DueAt",
                table: "platform_inbox",
                columns: new[] { "ProcessedAt", "FailedAt", "DueAt" });
        }
    }
}
