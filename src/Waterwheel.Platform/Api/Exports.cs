using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Staff;
using Waterwheel.Platform.Stores;

namespace Waterwheel.Platform.Api;

/// <summary>CSV exports of the lists; every export is itself an audit line, with the filter and row count.</summary>
internal sealed class Exports(PlatformDbContext db, IAuditLog audit, TimeProvider time)
{
    public async Task<(byte[] File, string Name)> Write<T>(string what, IReadOnlyCollection<T> rows, object filter, CancellationToken ct)
    {
        audit.Record(AuditActions.Exported, what, null, $"{rows.Count} rows; filter {System.Text.Json.JsonSerializer.Serialize(filter)}");
        await db.SaveChangesAsync(ct);
        return (CsvExport.Write(rows), $"{what}-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit/export", async ([AsParameters] AuditQuery query, SearchAudit search, Exports exports, CancellationToken ct) =>
            {
                var (file, name) = await exports.Write("audit", await search.All(query, ct), query, ct);
                return TypedResults.File(file, CsvExport.ContentType, name);
            })
            .RequireAuthorization(Permissions.AuditExport)
            .WithName("ExportAudit")
            .WithSummary("Export the audit log as CSV (the export is audited)");

        api.MapGet("/stores/export", async ([AsParameters] StoreListQuery query, ListStores list, Exports exports, CancellationToken ct) =>
            {
                var (file, name) = await exports.Write("stores", await list.All(query, ct), query, ct);
                return TypedResults.File(file, CsvExport.ContentType, name);
            })
            .RequireAuthorization(Permissions.OrgRead)
            .WithName("ExportStores")
            .WithSummary("Export stores as CSV (audited)");

        api.MapGet("/staff/export", async ([AsParameters] StaffListQuery query, ListStaff list, Exports exports, CancellationToken ct) =>
            {
                var (file, name) = await exports.Write("staff", await list.All(query, ct), query, ct);
                return TypedResults.File(file, CsvExport.ContentType, name);
            })
            .RequireAuthorization(Permissions.StaffRead)
            .WithName("ExportStaff")
            .WithSummary("Export staff as CSV, mobile numbers masked (audited)");
    }
}
