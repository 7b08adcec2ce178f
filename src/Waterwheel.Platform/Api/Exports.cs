using System.Globalization;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Staff;
using Waterwheel.Platform.Stores;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Api;

/// <summary>
/// The stores, staff and audit lists as files for people: headers and values in the request's language, names instead of
/// ids, times in the tenant's zone. Every export is itself an audit line, with the filter and row count.
/// </summary>
internal sealed class Exports(PlatformDbContext db, ListExport export)
{
    private static readonly string[] StoreHeader =
        ["Code", "Name", "Belongs to", "Province", "City", "District", "Address", "Phone", "Opening hours", "Status", "Latitude", "Longitude", "Created", "Updated"];

    private static readonly string[] StaffHeader =
        ["Staff name", "Mobile (masked)", "WeCom user ID", "Role", "Belongs to", "Store", "Status", "Joined", "Left", "Sign-in name"];

    private static readonly string[] AuditHeader = ["Time", "Actor", "Action", "Target", "Target ID", "Summary", "IP address", "Device"];

    public async Task<IResult> Stores(IReadOnlyCollection<StoreDto> rows, string? format, object filter, CancellationToken ct)
    {
        var units = await UnitNames(ct);
        return await Send("stores", format, StoreHeader, rows, filter, tz => s =>
        [
            s.Code, s.Name, units.GetValueOrDefault(s.OrgUnitId, ""), s.Province, s.City, s.District, s.Address, s.Phone, s.OpeningHours,
            ExportText.Status(s.Status), Number(s.Latitude), Number(s.Longitude), TenantTime.Text(s.CreatedAt, tz), TenantTime.Text(s.UpdatedAt, tz),
        ], ct);
    }

    public async Task<IResult> Staff(IReadOnlyCollection<StaffDto> rows, string? format, object filter, CancellationToken ct)
    {
        var units = await UnitNames(ct);
        var stores = await db.Stores.AsNoTracking().Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return await Send("staff", format, StaffHeader, rows, filter, tz => s =>
        [
            s.Name, s.MobileMasked, s.WeComUserId ?? "", ExportText.Role(s.Role), units.GetValueOrDefault(s.OrgUnitId, ""),
            s.StoreId is { } store ? stores.GetValueOrDefault(store, "") : "", ExportText.Status(s.Status),
            TenantTime.Text(s.JoinedAt, tz), TenantTime.Text(s.LeftAt, tz), s.UserName ?? "",
        ], ct);
    }

    public Task<IResult> Audit(IReadOnlyCollection<AuditEntryDto> rows, string? format, object filter, CancellationToken ct) =>
        Send("audit", format, AuditHeader, rows, filter, tz => a =>
        [
            TenantTime.Text(a.At, tz), a.ActorName, ExportText.AuditAction(a.Action), a.TargetType ?? "", a.TargetId ?? "", AuditSentence.Of(a.Action, a.Summary), a.Ip ?? "", a.UserAgent ?? "",
        ], ct);

    private Task<IResult> Send<T>(string what, string? format, string[] header, IReadOnlyCollection<T> rows, object filter,
        Func<TimeZoneInfo, Func<T, string[]>> row, CancellationToken ct) =>
        export.Send(new ExportSheet(what, ExportText.Get($"Sheet.{what}"), [.. header.Select(ExportText.Get)]), format, filter, rows, row, ct);

    private Task<Dictionary<Guid, string>> UnitNames(CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit/export", async ([AsParameters] AuditQuery query, string? format, SearchAudit search, Exports exports, CancellationToken ct) =>
                await exports.Audit(await search.All(query, ct), format, query, ct))
            .RequireAuthorization(Permissions.AuditExport)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportAudit")
            .WithSummary("Export the audit log as CSV or xlsx (format); headers and actions in the request's language, times in the tenant's zone (audited)");

        api.MapGet("/stores/export", async ([AsParameters] StoreListQuery query, string? format, ListStores list, Exports exports, CancellationToken ct) =>
                await exports.Stores(await list.All(query, ct), format, query, ct))
            .RequireAuthorization(Permissions.OrgRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportStores")
            .WithSummary("Export stores as CSV or xlsx (format), with unit names and statuses in words (audited)");

        api.MapGet("/staff/export", async ([AsParameters] StaffListQuery query, string? format, ListStaff list, Exports exports, CancellationToken ct) =>
                await exports.Staff(await list.All(query, ct), format, query, ct))
            .RequireAuthorization(Permissions.StaffRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportStaff")
            .WithSummary("Export staff as CSV or xlsx (format), mobile numbers masked, units and stores by name (audited)");
    }
}
