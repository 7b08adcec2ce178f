using System.Globalization;
using System.Text.Json;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Api;

/// <summary>
/// What a list calls its file: <paramref name="What"/> names the file, the audit target and the sheet's resource key;
/// <paramref name="SheetName"/> and <paramref name="Header"/> are already in the reader's language.
/// </summary>
public sealed record ExportSheet(string What, string SheetName, IReadOnlyList<string> Header);

/// <summary>
/// Every console list's export, from one place: the file in the asked format, named with the tenant's local time, and an
/// audit line with the row count and the filter (a search's text is left out: it is often a mobile number or a name).
/// A filter matching more than <see cref="MaxRows"/> rows is refused with the count, so no list becomes one huge request.
/// </summary>
public sealed class ListExport(IAuditLog audit, ITenantZone zone, TimeProvider time)
{
    public const int MaxRows = 100_000;

    /// <summary>Exports the rows of an ordered query, refusing a filter that matches too many.</summary>
    public async Task<IResult> Send<T>(ExportSheet sheet, string? format, object filter, IQueryable<T> ordered, Func<TimeZoneInfo, Func<T, string[]>> row,
        CancellationToken ct)
    {
        var parsed = ExportFile.Parse(format);
        if (!parsed.IsSuccess) return parsed.Error!.ToProblem();
        var count = await ordered.CountAsync(ct);
        if (count > MaxRows) return TooLarge(count).ToProblem();
        return await Write(sheet, parsed.Value, filter, await ordered.ToListAsync(ct), row, ct);
    }

    /// <summary>Exports rows a list has already read (and joined with names from other modules).</summary>
    public async Task<IResult> Send<T>(ExportSheet sheet, string? format, object filter, IReadOnlyCollection<T> rows, Func<TimeZoneInfo, Func<T, string[]>> row,
        CancellationToken ct)
    {
        var parsed = ExportFile.Parse(format);
        if (!parsed.IsSuccess) return parsed.Error!.ToProblem();
        if (rows.Count > MaxRows) return TooLarge(rows.Count).ToProblem();
        return await Write(sheet, parsed.Value, filter, rows, row, ct);
    }

    /// <summary>Every row of an ordered query, for a list that names its rows before it exports them; too many is an error.</summary>
    public static async Task<Result<List<T>>> ReadAll<T>(IQueryable<T> ordered, CancellationToken ct)
    {
        var count = await ordered.CountAsync(ct);
        if (count > MaxRows) return TooLarge(count);
        return await ordered.ToListAsync(ct);
    }

    public static Error TooLarge(int count)
    {
        var message = string.Format(CultureInfo.CurrentCulture, ExportText.Get("ExportTooLarge"), count, MaxRows);
        return new Error(ErrorKind.Validation, "export_too_large", message, new Dictionary<string, string[]> { ["q"] = [message] });
    }

    private async Task<IResult> Write<T>(ExportSheet sheet, ExportFormat format, object filter, IReadOnlyCollection<T> rows,
        Func<TimeZoneInfo, Func<T, string[]>> row, CancellationToken ct)
    {
        var tz = await zone.Current(ct);
        await audit.RecordNowAsync(AuditActions.Exported, sheet.What, null,
            $"{rows.Count} rows ({ExportFile.Extension(format)}); filter {JsonSerializer.Serialize(WithoutSearchText(filter), filter.GetType())}", ct);
        var stem = $"{sheet.What}-{TenantTime.Local(time.GetUtcNow().UtcDateTime, tz):yyyyMMdd-HHmmss}";
        return ExportFile.Send(format, stem, sheet.SheetName, sheet.Header, ExportFile.Rows(rows, row(tz)), ct);
    }

    // The audit line says a search was used, never what was searched for.
    private static object WithoutSearchText(object filter) =>
        filter is PageQuery { Search: not null } query ? query with { Q = "…" } : filter;
}
