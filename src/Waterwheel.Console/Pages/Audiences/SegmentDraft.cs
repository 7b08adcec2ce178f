using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waterwheel.Audiences.Counting;

namespace Waterwheel.Console.Pages.Audiences;

/// <summary>What a builder row asks of a customer; which ones a row offers depends on its field's kind.</summary>
public enum ConditionOperator { HasTag, LacksTag, Between, WithinDays, OlderThanDays, OneOf, IsSet, IsNotSet, IsYes, IsNo }

/// <summary>One row of the builder: a tag held or not, or a field compared. Incomplete while the operator still lacks its values.</summary>
public sealed class SegmentCondition
{
    public bool IsTag { get; set; } = true;
    public Guid? TagId { get; set; }
    public string? Field { get; set; }
    public ConditionOperator Operator { get; set; } = ConditionOperator.HasTag;
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public int? Days { get; set; }
    public string? Values { get; set; }

    public static readonly IReadOnlyList<ConditionOperator> TagOperators = [ConditionOperator.HasTag, ConditionOperator.LacksTag];

    /// <summary>The operators that make sense for a field of this kind (as the catalog names kinds: Enum, Number, Date, Bool).</summary>
    public static IReadOnlyList<ConditionOperator> OperatorsFor(string? kind) => kind switch
    {
        "Number" => [ConditionOperator.Between, ConditionOperator.IsSet, ConditionOperator.IsNotSet],
        "Date" => [ConditionOperator.WithinDays, ConditionOperator.OlderThanDays, ConditionOperator.Between, ConditionOperator.IsSet, ConditionOperator.IsNotSet],
        "Bool" => [ConditionOperator.IsYes, ConditionOperator.IsNo, ConditionOperator.IsSet, ConditionOperator.IsNotSet],
        _ => [ConditionOperator.OneOf, ConditionOperator.IsSet, ConditionOperator.IsNotSet],
    };

    public IReadOnlyList<string> ValueList =>
        (Values ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsComplete(string? kind) => IsTag
        ? TagId is not null
        : Field is not null && Operator switch
        {
            ConditionOperator.Between => kind == "Date" ? From is not null || To is not null : Min is not null || Max is not null,
            ConditionOperator.WithinDays or ConditionOperator.OlderThanDays => Days is not null,
            ConditionOperator.OneOf => ValueList.Count > 0,
            _ => true,
        };
}

/// <summary>Conditions and nested groups joined by 且 (all) or 或 (any).</summary>
public sealed class SegmentGroup
{
    public bool MatchAll { get; set; } = true;
    public List<SegmentCondition> Conditions { get; } = [];
    public List<SegmentGroup> Groups { get; } = [];

    public bool IsEmpty => Conditions.Count == 0 && Groups.All(g => g.IsEmpty);
}

/// <summary>
/// Turns the builder's rows into the segment JSON the Audiences module reads (its public shape, see SegmentJson) and
/// back. A saved segment whose shape the rows cannot show (a "not" around a group) is left to the text form.
/// </summary>
public static class SegmentDraft
{
    public static bool IsComplete(SegmentGroup group, IReadOnlyDictionary<string, SegmentFieldView> fields) =>
        group.Conditions.All(c => c.IsComplete(c.Field is { } f && fields.TryGetValue(f, out var view) ? view.Kind : null))
        && group.Groups.All(g => IsComplete(g, fields));

    /// <summary>The group as a JSON expression; null when it holds no condition.</summary>
    public static JsonElement? ToExpression(SegmentGroup group, IReadOnlyDictionary<string, SegmentFieldView> fields) =>
        Node(group, fields) is { } node ? JsonSerializer.SerializeToElement(node) : null;

    private static JsonNode? Node(SegmentGroup group, IReadOnlyDictionary<string, SegmentFieldView> fields)
    {
        var terms = group.Conditions.Select(c => Node(c, fields)).Concat(group.Groups.Select(g => Node(g, fields))).OfType<JsonNode>().ToList();
        // A group of one is its one term: the module wants at least two terms under and/or.
        if (terms.Count <= 1) return terms.FirstOrDefault();
        return new JsonObject { ["op"] = group.MatchAll ? "and" : "or", ["args"] = new JsonArray([.. terms]) };
    }

    private static JsonNode Node(SegmentCondition c, IReadOnlyDictionary<string, SegmentFieldView> fields)
    {
        if (c.IsTag)
        {
            var tag = new JsonObject { ["op"] = "tag", ["tag"] = c.TagId!.Value.ToString() };
            return c.Operator == ConditionOperator.LacksTag ? new JsonObject { ["op"] = "not", ["arg"] = tag } : tag;
        }
        var field = c.Field!;
        var isDate = fields.TryGetValue(field, out var view) && view.Kind == "Date";
        var node = new JsonObject { ["field"] = field };
        switch (c.Operator)
        {
            case ConditionOperator.Between:
                node["op"] = "range";
                if (isDate)
                {
                    if (c.From is { } from) node["min"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    if (c.To is { } to) node["max"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                else
                {
                    if (c.Min is { } min) node["min"] = min;
                    if (c.Max is { } max) node["max"] = max;
                }
                break;
            case ConditionOperator.WithinDays or ConditionOperator.OlderThanDays:
                node["op"] = c.Operator == ConditionOperator.WithinDays ? "within_days" : "older_than_days";
                node["days"] = c.Days;
                break;
            case ConditionOperator.OneOf:
                node["op"] = "in";
                node["values"] = new JsonArray([.. c.ValueList.Select(v => (JsonNode)JsonValue.Create(v))]);
                break;
            case ConditionOperator.IsYes or ConditionOperator.IsNo:
                node["op"] = "is";
                node["value"] = c.Operator == ConditionOperator.IsYes;
                break;
            default:
                node["op"] = c.Operator == ConditionOperator.IsSet ? "is_set" : "is_not_set";
                break;
        }
        return node;
    }

    /// <summary>The rows for an expression, or null when its shape has no rows to show it.</summary>
    public static SegmentGroup? FromExpression(JsonElement expression)
    {
        var root = new SegmentGroup();
        if (Op(expression) is "and" or "or") return Fill(root, expression) ? root : null;
        return Add(root, expression) ? root : null;
    }

    private static bool Fill(SegmentGroup group, JsonElement node)
    {
        group.MatchAll = Op(node) == "and";
        foreach (var term in node.GetProperty("args").EnumerateArray())
        {
            if (Op(term) is "and" or "or")
            {
                var inner = new SegmentGroup();
                if (!Fill(inner, term)) return false;
                group.Groups.Add(inner);
            }
            else if (!Add(group, term)) return false;
        }
        return true;
    }

    private static bool Add(SegmentGroup group, JsonElement node)
    {
        var condition = Condition(node);
        if (condition is null) return false;
        group.Conditions.Add(condition);
        return true;
    }

    private static SegmentCondition? Condition(JsonElement node)
    {
        var op = Op(node);
        if (op == "tag") return new SegmentCondition { TagId = node.GetProperty("tag").GetGuid(), Operator = ConditionOperator.HasTag };
        if (op == "not")
            return Op(node.GetProperty("arg")) == "tag"
                ? new SegmentCondition { TagId = node.GetProperty("arg").GetProperty("tag").GetGuid(), Operator = ConditionOperator.LacksTag }
                : null;
        if (!node.TryGetProperty("field", out var fieldElement)) return null;
        var c = new SegmentCondition { IsTag = false, Field = fieldElement.GetString() };
        switch (op)
        {
            case "range":
                c.Operator = ConditionOperator.Between;
                if (node.TryGetProperty("min", out var min)) Bound(min, v => c.Min = v, d => c.From = d);
                if (node.TryGetProperty("max", out var max)) Bound(max, v => c.Max = v, d => c.To = d);
                break;
            case "within_days" or "older_than_days":
                c.Operator = op == "within_days" ? ConditionOperator.WithinDays : ConditionOperator.OlderThanDays;
                c.Days = node.GetProperty("days").GetInt32();
                break;
            case "in":
                c.Operator = ConditionOperator.OneOf;
                c.Values = string.Join(", ", node.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
                break;
            case "is":
                c.Operator = node.GetProperty("value").GetBoolean() ? ConditionOperator.IsYes : ConditionOperator.IsNo;
                break;
            case "is_set":
                c.Operator = ConditionOperator.IsSet;
                break;
            case "is_not_set":
                c.Operator = ConditionOperator.IsNotSet;
                break;
            default:
                return null;
        }
        return c;
    }

    private static void Bound(JsonElement value, Action<decimal> number, Action<DateTime> day)
    {
        if (value.ValueKind == JsonValueKind.Number) number(value.GetDecimal());
        else if (DateTime.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) day(d);
    }

    private static string? Op(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("op", out var op) ? op.GetString() : null;
}
