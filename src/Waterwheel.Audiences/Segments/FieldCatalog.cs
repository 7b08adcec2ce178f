using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Waterwheel.Audiences.Segments;

/// <summary>A tenant's custom attribute type as the Customers module names it.</summary>
internal enum CustomAttributeType { String, Number, Decimal, Date, Enum, Bool }

/// <summary>
/// The fields a tenant's segments can name: the built-in profile fields and the tenant's custom attributes, which are
/// added while the server runs. Readers see a consistent snapshot: additions swap an immutable map.
/// </summary>
internal sealed partial class FieldCatalog
{
    public static readonly IReadOnlyList<string> LifecycleStages = ["new", "active", "at_risk", "dormant", "lost"];
    public static readonly IReadOnlyList<string> Genders = ["male", "female"];

    private static readonly FieldDefinition[] BuiltIn =
    [
        new("gender", FieldKind.Enum, "性别"),
        new("province", FieldKind.Enum, "省份"),
        new("city", FieldKind.Enum, "城市"),
        new("lifecycle_stage", FieldKind.Enum, "生命周期阶段"),
        new("owner_store", FieldKind.Enum, "归属门店"),
        new("owner_staff", FieldKind.Enum, "归属导购"),
        new("owner_dealer", FieldKind.Enum, "归属经销商"),
        new("order_count", FieldKind.Number, "订单数"),
        new("total_spent", FieldKind.Number, "累计消费金额", Scale: 2),
        new("average_order_value", FieldKind.Number, "客单价", Scale: 2),
        new("last_order_on", FieldKind.Date, "最近下单日期"),
        new("first_seen_on", FieldKind.Date, "首次出现日期"),
        new("birthday", FieldKind.Date, "生日"),
        new("rfm_r", FieldKind.Number, "R 评分（最近一次消费）"),
        new("rfm_f", FieldKind.Number, "F 评分（消费频率）"),
        new("rfm_m", FieldKind.Number, "M 评分（消费金额）"),
        new("consent_wecom", FieldKind.Bool, "同意企业微信触达"),
        new("consent_sms", FieldKind.Bool, "同意短信触达"),
        new("consent_email", FieldKind.Bool, "同意邮件触达"),
    ];

    /// <summary>Words of the text form; a field may not be named like one, or the text could not say it.</summary>
    public static readonly ImmutableHashSet<string> ReservedWords =
        ["and", "or", "not", "tag", "id", "in", "between", "within", "older", "than", "days", "is", "set", "true", "false"];

    private ImmutableDictionary<string, FieldDefinition> _fields = BuiltIn.ToImmutableDictionary(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<FieldDefinition> Fields => _fields.Values.OrderBy(f => f.Custom).ThenBy(f => f.Name, StringComparer.Ordinal);

    public bool TryGet(string name, out FieldDefinition field) => _fields.TryGetValue(name, out field!);

    public FieldDefinition Get(string name) =>
        _fields.TryGetValue(name, out var field) ? field : throw new ArgumentException($"No field '{name}' in the catalog.", nameof(name));

    /// <summary>Adds a tenant's custom attribute; a name that is taken or not a plain identifier is refused.</summary>
    public SegmentError? AddCustom(string key, string label, CustomAttributeType type)
    {
        if (!Identifier().IsMatch(key) || ReservedWords.Contains(key))
            return new SegmentError("segment_field_name", $"'{key}' cannot name a segment field: use lower-case letters, digits and _ and no word of the language.");
        var definition = type switch
        {
            CustomAttributeType.String or CustomAttributeType.Enum => new FieldDefinition(key, FieldKind.Enum, label, Custom: true),
            CustomAttributeType.Number => new FieldDefinition(key, FieldKind.Number, label, Custom: true),
            CustomAttributeType.Decimal => new FieldDefinition(key, FieldKind.Number, label, Scale: 4, Custom: true),
            CustomAttributeType.Date => new FieldDefinition(key, FieldKind.Date, label, Custom: true),
            _ => new FieldDefinition(key, FieldKind.Bool, label, Custom: true),
        };
        while (true)
        {
            var current = _fields;
            if (current.TryGetValue(key, out var existing))
                return existing == definition ? null : new SegmentError("segment_field_exists", $"A field '{key}' exists already.");
            if (Interlocked.CompareExchange(ref _fields, current.Add(key, definition), current) == current) return null;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex Identifier();
}
