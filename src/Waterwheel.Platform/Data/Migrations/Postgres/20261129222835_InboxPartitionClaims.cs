using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waterwheel.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxPartitionClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_ProcessedAt_FailedAt_DueAt",
                schema: "platform",
                table: "inbox");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Partition_ReceivedAt",
                schema: "platform",
                table: "inbox",
                columns: new[] { "Partition", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_ProcessedAt_FailedAt_ReceivedAt",
                schema: "platform",
                table: "inbox",
                columns: new[] { "ProcessedAt", "FailedAt", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_Partition_ReceivedAt",
                schema: "platform",
                table: "inbox");

            migrationBuilder.DropIndex(
                name: "IX_inbox_ProcessedAt_FailedAt_ReceivedAt",
                schema: "platform",
                table: "inbox");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_ProcessedAt_FailedAt_DueAt",
                schema: "platform",
                table: "inbox",
                columns: new[] { "ProcessedAt", "FailedAt", "DueAt" });
        }
    }
}
