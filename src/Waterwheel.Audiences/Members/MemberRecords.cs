using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// The three shapes of one customer's values and the ways between them: the Customers module's facts, the member row
/// (typed columns, numbers at the index's scale, custom attributes as JSON) and the index's record. The change log and
/// the attributes column hold values as one JSON object, field → value (text, number, "yyyy-MM-dd", true/false), read
/// back by the field's kind in the catalog.
/// </summary>
internal static class MemberRecords
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The values segments read of a profile; custom attributes the catalog does not know, or cannot read, are left out.</summary>
    public static Dictionary<string, FieldValue> Values(CustomerFacts facts, FieldCatalog catalog)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        void Text(string field, string? value) { if (!string.IsNullOrWhiteSpace(value)) values[field] = FieldValue.Of(value.Trim()); }
        void Number(string field, decimal? value) { if (value is { } v) values[field] = FieldValue.Of(v); }
        void Day(string field, DateOnly? value) { if (value is { } v) values[field] = FieldValue.Of(v); }
        void Flag(string field, bool? value) { if (value is { } v) values[field] = FieldValue.Of(v); }

        Text("gender", facts.Gender);
        Text("province", facts.Province);
        Text("city", facts.City);
        Text("lifecycle_stage", facts.LifecycleStage);
        Text("owner_store", facts.OwnerStoreId?.ToString("D"));
        Text("owner_staff", facts.OwnerStaffId?.ToString("D"));
        Text("owner_dealer", facts.OwnerDealerId?.ToString("D"));
        Number("order_count", facts.OrderCount);
        Number("total_spent", facts.TotalSpent);
        Number("average_order_value", facts.AverageOrderValue);
        Day("last_order_on", facts.LastOrderOn);
        Day("first_seen_on", facts.FirstSeenOn);
        Day("birthday", facts.Birthday);
        Number("rfm_r", facts.Recency);
        Number("rfm_f", facts.Frequency);
        Number("rfm_m", facts.Monetary);
        Flag("consent_wecom", facts.ConsentWeCom);
        Flag("consent_sms", facts.ConsentSms);
        Flag("consent_email", facts.ConsentEmail);
        foreach (var (key, text) in facts.Attributes)
            if (catalog.TryGet(key, out var field) && field.Custom && Parse(field, text) is { } value) values[key] = value;
        return values;
    }

    /// <summary>Writes the values into the member's columns (clearing the ones not given); true when anything changed.</summary>
    public static bool Apply(Member member, IReadOnlyDictionary<string, FieldValue> values, FieldCatalog catalog, string ownerOrgPath)
    {
        string? T(string f) => values.TryGetValue(f, out var v) ? v.Text : null;
        long? N(string f) => values.TryGetValue(f, out var v) ? Engine.FieldScaling.Scaled(catalog.Get(f), v.Number) : null;
        DateOnly? D(string f) => values.TryGetValue(f, out var v) ? v.Date : null;
        bool? B(string f) => values.TryGetValue(f, out var v) ? v.Flag : null;
        var before = Snapshot(member);
        member.OwnerOrgPath = ownerOrgPath;
        (member.Gender, member.Province, member.City, member.LifecycleStage) = (T("gender"), T("province"), T("city"), T("lifecycle_stage"));
        (member.OwnerStore, member.OwnerStaff, member.OwnerDealer) = (T("owner_store"), T("owner_staff"), T("owner_dealer"));
        (member.OrderCount, member.TotalSpent, member.AverageOrderValue) = (N("order_count"), N("total_spent"), N("average_order_value"));
        (member.LastOrderOn, member.FirstSeenOn, member.Birthday) = (D("last_order_on"), D("first_seen_on"), D("birthday"));
        (member.RfmR, member.RfmF, member.RfmM) = (N("rfm_r"), N("rfm_f"), N("rfm_m"));
        (member.ConsentWecom, member.ConsentSms, member.ConsentEmail) = (B("consent_wecom"), B("consent_sms"), B("consent_email"));
        var custom = values.Where(v => catalog.TryGet(v.Key, out var f) && f.Custom).ToDictionary();
        member.Attributes = custom.Count == 0 ? null : Write(custom, catalog);
        return before != Snapshot(member);
    }

    /// <summary>A member row as the index's record (tags apart: they come from their own rows).</summary>
    public static Dictionary<string, FieldValue> Values(Member m, FieldCatalog catalog)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        void Text(string field, string? value) { if (value is not null) values[field] = FieldValue.Of(value); }
        void Number(string field, long? value) { if (value is { } v) values[field] = FieldValue.Of(catalog.Get(field).FromScaled(v)); }
        void Day(string field, DateOnly? value) { if (value is { } v) values[field] = FieldValue.Of(v); }
        void Flag(string field, bool? value) { if (value is { } v) values[field] = FieldValue.Of(v); }
        Text("gender", m.Gender);
        Text("province", m.Province);
        Text("city", m.City);
        Text("lifecycle_stage", m.LifecycleStage);
        Text("owner_store", m.OwnerStore);
        Text("owner_staff", m.OwnerStaff);
        Text("owner_dealer", m.OwnerDealer);
        Number("order_count", m.OrderCount);
        Number("total_spent", m.TotalSpent);
        Number("average_order_value", m.AverageOrderValue);
        Day("last_order_on", m.LastOrderOn);
        Day("first_seen_on", m.FirstSeenOn);
        Day("birthday", m.Birthday);
        Number("rfm_r", m.RfmR);
        Number("rfm_f", m.RfmF);
        Number("rfm_m", m.RfmM);
        Flag("consent_wecom", m.ConsentWecom);
        Flag("consent_sms", m.ConsentSms);
        Flag("consent_email", m.ConsentEmail);
        foreach (var (key, value) in Read(m.Attributes, catalog)) values[key] = value;
        return values;
    }

    public static string Write(IReadOnlyDictionary<string, FieldValue> values, FieldCatalog catalog)
    {
        var json = new JsonObject();
        foreach (var (field, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            json[field] = value.Kind switch
            {
                FieldKind.Enum => JsonValue.Create(value.Text),
                FieldKind.Number => JsonValue.Create(catalog.TryGet(field, out var f) ? Engine.FieldScaling.Normalise(f, value.Number) : value.Number),
                FieldKind.Date => JsonValue.Create(value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(value.Flag),
            };
        return json.ToJsonString(Json);
    }

    /// <summary>Values written by <see cref="Write"/>, each read by its field's kind; fields the catalog does not know are skipped and named.</summary>
    public static Dictionary<string, FieldValue> Read(string? json, FieldCatalog catalog, ICollection<string>? unknown = null)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonObject fields) return values;
        foreach (var (key, node) in fields)
        {
            if (node is not JsonValue value) continue;
            if (!catalog.TryGet(key, out var field)) { unknown?.Add(key); continue; }
            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (Parse(field, text) is { } parsed) values[key] = parsed;
        }
        return values;
    }

    private static FieldValue? Parse(FieldDefinition field, string text) => field.Kind switch
    {
        FieldKind.Enum => text.Length == 0 ? null : FieldValue.Of(text),
        FieldKind.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? FieldValue.Of(n) : null,
        FieldKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? FieldValue.Of(d) : null,
        _ => bool.TryParse(text, out var b) ? FieldValue.Of(b) : null,
    };

    private static string Snapshot(Member m) => string.Join('|', m.OwnerOrgPath, m.Gender, m.Province, m.City, m.LifecycleStage, m.OwnerStore, m.OwnerStaff,
        m.OwnerDealer, m.OrderCount, m.TotalSpent, m.AverageOrderValue, m.LastOrderOn, m.FirstSeenOn, m.Birthday, m.RfmR, m.RfmF, m.RfmM, m.ConsentWecom,
        m.ConsentSms, m.ConsentEmail, m.Attributes);
}
