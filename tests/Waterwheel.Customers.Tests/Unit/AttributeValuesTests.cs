using System.Text.Json;
using System.Text.Json.Nodes;
using Waterwheel.Customers.Attributes;
using Waterwheel.Customers.Ingest;
using Waterwheel.Customers.Lifecycle;
using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Tests.Unit;

public sealed class AttributeValuesTests
{
    private static readonly string[] Levels = ["银卡", "金卡"];

    private static (string? Value, bool Failed) Parse(AttributeType type, string json)
    {
        var (value, error) = AttributeValues.Parse(type, Levels, JsonNode.Parse(json));
        return (value?.ToJsonString(AttributeValues.Stored), error is not null);
    }

    [Theory]
    [InlineData(AttributeType.String, "\" 你好 \"", "\"你好\"")]
    [InlineData(AttributeType.Number, "12", "12")]
    [InlineData(AttributeType.Number, "\"-7\"", "-7")]
    [InlineData(AttributeType.Number, "3.0", "3")]
    [InlineData(AttributeType.Decimal, "42.5", "42.5")]
    [InlineData(AttributeType.Decimal, "\"0.10\"", "0.10")]
    [InlineData(AttributeType.Date, "\"2024-02-29\"", "\"2024-02-29\"")]
    [InlineData(AttributeType.Date, "\"2024-03-08T16:30:00Z\"", "\"2024-03-09\"")]
    [InlineData(AttributeType.Date, "\"2024-03-08T23:30:00+08:00\"", "\"2024-03-08\"")]
    [InlineData(AttributeType.Enum, "\"金卡\"", "\"金卡\"")]
    [InlineData(AttributeType.Bool, "true", "true")]
    [InlineData(AttributeType.Bool, "\"否\"", "false")]
    [InlineData(AttributeType.Bool, "1", "true")]
    public void A_value_reads_into_its_canonical_form(AttributeType type, string json, string stored) =>
        Assert.Equal((stored, false), Parse(type, json));

    [Theory]
    [InlineData(AttributeType.String, "12")]
    [InlineData(AttributeType.Number, "1.5")]
    [InlineData(AttributeType.Number, "\"twelve\"")]
    [InlineData(AttributeType.Number, "99999999999999999999")]
    [InlineData(AttributeType.Decimal, "\"1,000\"")]
    [InlineData(AttributeType.Date, "\"2023-02-29\"")]
    [InlineData(AttributeType.Date, "\"30/11/2026\"")]
    [InlineData(AttributeType.Date, "20261130")]
    [InlineData(AttributeType.Enum, "\"钻石卡\"")]
    [InlineData(AttributeType.Enum, "\"金卡 \"", false)]
    [InlineData(AttributeType.Bool, "\"maybe\"")]
    [InlineData(AttributeType.Bool, "2")]
    [InlineData(AttributeType.String, "{\"a\":1}")]
    [InlineData(AttributeType.Number, "[1]")]
    public void A_value_of_another_type_is_refused_with_a_reason(AttributeType type, string json, bool failed = true) =>
        Assert.Equal(failed, Parse(type, json).Failed);

    [Fact]
    public void Text_longer_than_the_limit_is_refused() =>
        Assert.True(Parse(AttributeType.String, JsonSerializer.Serialize(new string('字', AttributeValues.MaxText + 1))).Failed);

    [Fact]
    public void A_merge_fills_gaps_and_keeps_the_survivors_values() =>
        Assert.Equal("""{"a":1,"b":3}""", AttributeValues.FillGaps("""{"a":1}""", """{"a":2,"b":3}"""));

    [Fact]
    public void Identify_traits_take_valid_values_and_name_the_dropped_ones()
    {
        var definitions = new Dictionary<string, AttributeDefinition>
        {
            ["visits"] = new() { Key = "visits", Type = AttributeType.Number },
            ["member_level"] = new() { Key = "member_level", Type = AttributeType.Enum, Options = [.. Levels] },
        };
        var profile = new CustomerProfile();
        var traits = JsonNode.Parse("""{"birthday":"3000-01-01","province":"浙江省","address":{"city":"杭州市"},"visits":"x","member_level":"金卡","other":1,"gender":null}""")!.AsObject();
        var dropped = IdentifyTraits.Apply(profile, traits, definitions, new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(["birthday", "visits"], dropped.Order());
        Assert.Equal((null, "浙江省", "杭州市"), (profile.Birthday, profile.Province, profile.City));
        Assert.Equal("""{"member_level":"金卡"}""", profile.Attributes);
    }

    [Fact]
    public void Consent_preferences_keep_known_channels_with_boolean_values()
    {
        var context = JsonDocument.Parse("""{"consent":{"categoryPreferences":{"SMS":true,"email":"yes","fax":true,"phone_call":false}}}""").RootElement;
        Assert.Equal(new Dictionary<string, bool> { ["sms"] = true, ["phone_call"] = false }, ConsentPreferences.Of(context));
        Assert.Null(ConsentPreferences.Of(JsonDocument.Parse("""{"consent":{"categoryPreferences":[]}}""").RootElement));
    }

    [Fact]
    public void Lifecycle_days_must_increase_and_each_out_of_order_field_is_named()
    {
        var validator = new SetLifecycleThresholdsValidator();
        Assert.True(validator.Validate(new SetLifecycleThresholdsRequest(30, 90, 180, 365)).IsValid);
        Assert.True(validator.Validate(new SetLifecycleThresholdsRequest(30, 30, 31, 32)).IsValid);
        var failed = validator.Validate(new SetLifecycleThresholdsRequest(0, 90, 90, 60));
        Assert.Equal(["AtRiskWithinDays", "DormantWithinDays", "NewForDays"], failed.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    [Fact]
    public void A_brands_own_thresholds_change_the_stage_and_keep_the_scores()
    {
        var now = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        var profile = new CustomerProfile { FirstSeenAt = now.AddDays(-400), LastSeenAt = now.AddDays(-400) };
        profile.AddOrder(100m, now.AddDays(-40));
        var defaults = new CustomerValueOptions();
        var own = defaults.WithStages(7, 20, 60, 120);
        Assert.Equal(LifecycleStage.Active, defaults.Of(profile, now).Stage);
        Assert.Equal(LifecycleStage.AtRisk, own.Of(profile, now).Stage);
        Assert.Equal(defaults.Of(profile, now).Recency, own.Of(profile, now).Recency);
    }
}
