using System.Net.Http.Json;
using System.Text.Json;
using Waterwheel.Audiences.Counting;
using Waterwheel.Console.Pages.Audiences;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>
/// The segment builder's rows (<see cref="SegmentDraft"/>) against the Audiences module itself: every operator a row
/// offers gives an expression the count endpoint accepts, and a saved expression opens back into the same rows.
/// </summary>
public sealed class SegmentDraftTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Every_kind_of_row_counts_and_opens_back_into_the_same_rows()
    {
        using var admin = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var fields = (await admin.GetFromJsonAsync<List<SegmentFieldView>>("/api/audiences/fields", Json))!.ToDictionary(f => f.Name);
        var tag = await NewTag(admin);

        var drafts = new Dictionary<string, SegmentGroup>
        {
            ["has tag"] = Group(true, new SegmentCondition { TagId = tag }),
            ["lacks tag"] = Group(true, new SegmentCondition { TagId = tag, Operator = ConditionOperator.LacksTag }),
            ["number between"] = Group(true, Field("total_spent", ConditionOperator.Between, c => { c.Min = 300.5m; c.Max = 1000m; })),
            ["number from"] = Group(true, Field("order_count", ConditionOperator.Between, c => c.Min = 2)),
            ["date between"] = Group(true, Field("last_order_on", ConditionOperator.Between, c => { c.From = new DateTime(2026, 1, 1); c.To = new DateTime(2026, 6, 30); })),
            ["within days"] = Group(true, Field("last_order_on", ConditionOperator.WithinDays, c => c.Days = 90)),
            ["older than days"] = Group(true, Field("first_seen_on", ConditionOperator.OlderThanDays, c => c.Days = 30)),
            ["one of, Chinese commas"] = Group(true, Field("city", ConditionOperator.OneOf, c => c.Values = "杭州市，上海市、北京市")),
            ["is set"] = Group(true, Field("birthday", ConditionOperator.IsSet)),
            ["is not set"] = Group(true, Field("province", ConditionOperator.IsNotSet)),
            ["yes"] = Group(true, Field("consent_sms", ConditionOperator.IsYes)),
            ["no"] = Group(true, Field("consent_wecom", ConditionOperator.IsNo)),
            ["the issue's example, nested"] = Nested(tag),
        };

        foreach (var (name, draft) in drafts)
        {
            Assert.True(SegmentDraft.IsComplete(draft, fields), $"{name}: complete");
            var expression = SegmentDraft.ToExpression(draft, fields);
            Assert.NotNull(expression);
            using var response = await admin.PostAsJsonAsync("/api/audiences/count", new { expression });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{name}: {body}");
            var stored = JsonDocument.Parse(body).RootElement.GetProperty("expression");

            var reopened = SegmentDraft.FromExpression(stored);
            Assert.True(reopened is not null, $"{name}: {stored}");
            Assert.Equal(Canonical(stored), Canonical(SegmentDraft.ToExpression(reopened!, fields)!.Value));
        }
    }

    [Fact]
    public void A_row_without_its_values_is_incomplete_and_an_empty_group_has_no_expression()
    {
        var fields = new Dictionary<string, SegmentFieldView>
        {
            ["total_spent"] = new("total_spent", "累计消费金额", "Number", 2, false),
            ["last_order_on"] = new("last_order_on", "最近下单日期", "Date", 0, false),
            ["city"] = new("city", "城市", "Enum", 0, false),
        };
        Assert.False(SegmentDraft.IsComplete(Group(true, new SegmentCondition()), fields));
        Assert.False(SegmentDraft.IsComplete(Group(true, Field("total_spent", ConditionOperator.Between)), fields));
        // A date range reads its days, not the number bounds a row may still hold from an earlier field.
        Assert.False(SegmentDraft.IsComplete(Group(true, Field("last_order_on", ConditionOperator.Between, c => c.Min = 3)), fields));
        Assert.False(SegmentDraft.IsComplete(Group(true, Field("city", ConditionOperator.OneOf, c => c.Values = " ，、 ")), fields));
        Assert.False(SegmentDraft.IsComplete(Group(true, Field("last_order_on", ConditionOperator.WithinDays)), fields));
        Assert.Null(SegmentDraft.ToExpression(new SegmentGroup(), fields));
    }

    [Fact]
    public void A_shape_the_rows_cannot_show_is_left_to_the_text_form()
    {
        var notAroundGroup = JsonDocument.Parse("""
            {"op":"not","arg":{"op":"or","args":[{"op":"is_set","field":"city"},{"op":"is_set","field":"province"}]}}
            """).RootElement;
        Assert.Null(SegmentDraft.FromExpression(notAroundGroup));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static SegmentGroup Group(bool all, params SegmentCondition[] conditions)
    {
        var group = new SegmentGroup { MatchAll = all };
        group.Conditions.AddRange(conditions);
        return group;
    }

    private static SegmentCondition Field(string field, ConditionOperator op, Action<SegmentCondition>? values = null)
    {
        var condition = new SegmentCondition { IsTag = false, Field = field, Operator = op };
        values?.Invoke(condition);
        return condition;
    }

    // (杭州 or 上海) and bought within 90 days and not tagged and spent > ¥300.
    private static SegmentGroup Nested(Guid tag)
    {
        var root = Group(true,
            Field("last_order_on", ConditionOperator.WithinDays, c => c.Days = 90),
            new SegmentCondition { TagId = tag, Operator = ConditionOperator.LacksTag },
            Field("total_spent", ConditionOperator.Between, c => c.Min = 300.01m));
        root.Groups.Add(Group(false, Field("city", ConditionOperator.OneOf, c => c.Values = "杭州市"), Field("city", ConditionOperator.OneOf, c => c.Values = "上海市")));
        return root;
    }

    private static async Task<Guid> NewTag(HttpClient admin)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var group = await admin.PostAsJsonAsync("/api/audiences/tag-groups", new { name = $"草稿组{suffix}", multiValued = true });
        var groupId = JsonDocument.Parse(await group.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var tag = await admin.PostAsJsonAsync("/api/audiences/tags", new { groupId, name = $"已流失{suffix}" });
        return JsonDocument.Parse(await tag.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    // Property order and escaping are not meaning: compare with each object's keys sorted, numbers as decimals, strings as read.
    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Number => element.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.String => "\"" + element.GetString() + "\"",
        _ => element.GetRawText(),
    };
}
