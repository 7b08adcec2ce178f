using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Waterwheel.Platform.Audit;

/// <summary>
/// An audit line's summary as a sentence in the reader's language, with before → after in words: the stored
/// <c>HZ002: Open → Paused</c> reads 门店 HZ002 状态：营业中 → 暂停营业. Summaries stay stored as written (machine-stable,
/// and lines already written keep working); only their display is translated. A summary of a shape this does not know
/// is shown as stored.
/// </summary>
public static partial class AuditSentence
{
    public static string Of(string action, string summary)
    {
        try
        {
            return action switch
            {
                AuditActions.StoreStatusChanged when Change().Match(summary) is { Success: true } m =>
                    Format("Sentence.StoreStatus", m.Groups["what"].Value, Status(m.Groups["from"].Value), Status(m.Groups["to"].Value)),
                AuditActions.RoleChanged when Change().Match(summary) is { Success: true } m =>
                    Format("Sentence.Role", m.Groups["what"].Value, Role(m.Groups["from"].Value), Role(m.Groups["to"].Value)),
                AuditActions.CustomerSharingChanged when Change().Match(summary) is { Success: true } m =>
                    Format("Sentence.Sharing", m.Groups["what"].Value, Sharing(m.Groups["from"].Value), Sharing(m.Groups["to"].Value)),
                AuditActions.TimeZoneChanged when Arrow().Match(summary) is { Success: true } m =>
                    Format("Sentence.TimeZone", m.Groups["from"].Value, m.Groups["to"].Value),
                AuditActions.StoreCreated or AuditActions.StoreUpdated => Format("Sentence.Store", summary),
                AuditActions.StaffCreated when Placed().Match(summary) is { Success: true } m =>
                    Format("Sentence.StaffCreated", m.Groups["who"].Value, Role(m.Groups["role"].Value)),
                AuditActions.Exported when Export().Match(summary) is { Success: true } m =>
                    Format("Sentence.Exported", m.Groups["rows"].Value, m.Groups["format"].Value.ToUpperInvariant(), Filter(m.Groups["filter"].Value)),
                _ => summary,
            };
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return summary;
        }
    }

    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, ExportText.Get(key), values);

    private static string Status(string value) => Enum.TryParse<Stores.StoreStatus>(value, out var s) ? ExportText.Status(s) : value;

    private static string Role(string value) => Enum.TryParse<StaffRole>(value, out var r) ? ExportText.Role(r) : value;

    private static string Sharing(string value) => ExportText.Get(value == "shared" ? "Sharing.shared" : "Sharing.not_shared");

    /// <summary>The filter an export was made with, as "field: value" pairs; paging and order are not a filter.</summary>
    private static string Filter(string json)
    {
        using var document = JsonDocument.Parse(json);
        var set = document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && p.Name is not ("Page" or "PageSize" or "Sort" or "Desc" or "Search"))
            .Select(p => p.Name == "Q"
                ? ExportText.Get("Sentence.Searched")
                : $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}")
            .ToList();
        return set.Count == 0 ? ExportText.Get("Sentence.NoFilter") : string.Join(", ", set);
    }

    [GeneratedRegex(@"^(?<what>.+): (?<from>[\w ]+) → (?<to>[\w ]+)$")]
    private static partial Regex Change();

    [GeneratedRegex(@"^(?<from>\S+) → (?<to>\S+)$")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"^(?<who>.+) \((?<role>\w+)\)$")]
    private static partial Regex Placed();

    [GeneratedRegex(@"^(?<rows>\d+) rows \((?<format>csv|xlsx)\); filter (?<filter>\{.*\})$")]
    private static partial Regex Export();
}
