using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Segments.Json;
using Waterwheel.Audiences.Tests.Support;

namespace Waterwheel.Audiences.Tests.Segments;

/// <summary>Every way the JSON form is refused, with the path of the node at fault.</summary>
public sealed class SegmentJsonErrors
{
    private static readonly FieldCatalog Catalog = TestFields.Catalog();

    [Theory]
    [InlineData("{\"op\":\"and\",", "segment_syntax", "$")]
    [InlineData("[1]", "segment_syntax", "$")]
    [InlineData("{\"field\":\"city\"}", "segment_syntax", "$")]
    [InlineData("{\"op\":\"xor\",\"args\":[]}", "segment_syntax", "$.op")]
    [InlineData("{\"op\":\"and\",\"args\":{}}", "segment_syntax", "$")]
    [InlineData("{\"op\":\"and\",\"args\":[{\"op\":\"is_set\",\"field\":\"city\"}]}", "segment_syntax", "$.args")]
    [InlineData("{\"op\":\"not\"}", "segment_syntax", "$")]
    [InlineData("{\"op\":\"tag\",\"tag\":\"VIP\"}", "segment_syntax", "$.tag")]
    [InlineData("{\"op\":\"in\",\"field\":\"cty\",\"values\":[\"杭州\"]}", "segment_unknown_field", "$.field")]
    [InlineData("{\"op\":\"in\",\"field\":\"city\",\"values\":[1]}", "segment_value_type", "$.values[0]")]
    [InlineData("{\"op\":\"in\",\"field\":\"total_spent\",\"values\":[\"1\"]}", "segment_value_type", "$")]
    [InlineData("{\"op\":\"range\",\"field\":\"total_spent\",\"min\":\"300\"}", "segment_value_type", "$.min")]
    [InlineData("{\"op\":\"range\",\"field\":\"birthday\",\"max\":20260101}", "segment_value_type", "$.max")]
    [InlineData("{\"op\":\"range\",\"field\":\"city\",\"min\":1}", "segment_value_type", "$")]
    [InlineData("{\"op\":\"range\",\"field\":\"total_spent\"}", "segment_syntax", "$")]
    [InlineData("{\"op\":\"range\",\"field\":\"total_spent\",\"min\":2,\"max\":1}", "segment_empty_range", "$")]
    [InlineData("{\"op\":\"range\",\"field\":\"total_spent\",\"min\":0.001}", "segment_value_type", "$")]
    [InlineData("{\"op\":\"within_days\",\"field\":\"birthday\",\"days\":1.5}", "segment_syntax", "$.days")]
    [InlineData("{\"op\":\"within_days\",\"field\":\"birthday\",\"days\":-1}", "segment_value_type", "$")]
    [InlineData("{\"op\":\"older_than_days\",\"field\":\"city\",\"days\":1}", "segment_value_type", "$")]
    [InlineData("{\"op\":\"is\",\"field\":\"consent_sms\",\"value\":\"yes\"}", "segment_syntax", "$.value")]
    [InlineData("{\"op\":\"is\",\"field\":\"city\",\"value\":true}", "segment_value_type", "$")]
    [InlineData("{\"op\":\"is_set\"}", "segment_syntax", "$")]
    public void Refuses_with_code_and_path(string json, string code, string path)
    {
        var read = SegmentJson.Read(json, Catalog);
        Assert.False(read.IsSuccess);
        Assert.Equal((code, path), (read.Error!.Code, read.Error.Path));
    }

    [Fact]
    public void Nesting_and_size_limits_hold_for_json_too()
    {
        var deep = "{\"op\":\"is_set\",\"field\":\"city\"}";
        for (var i = 0; i < 40; i++) deep = $"{{\"op\":\"not\",\"arg\":{deep}}}";
        Assert.False(SegmentJson.Read(deep, Catalog).IsSuccess);
        var many = string.Join(",", Enumerable.Range(0, SegmentLimits.MaxValuesPerIn + 1).Select(i => $"\"c{i}\""));
        Assert.Equal("segment_too_large", SegmentJson.Read($"{{\"op\":\"in\",\"field\":\"city\",\"values\":[{many}]}}", Catalog).Error!.Code);
        var terms = string.Join(",", Enumerable.Repeat("{\"op\":\"is_set\",\"field\":\"city\"}", SegmentLimits.MaxTerms + 1));
        Assert.Equal("segment_too_large", SegmentJson.Read($"{{\"op\":\"or\",\"args\":[{terms}]}}", Catalog).Error!.Code);
        Assert.Equal("segment_too_large", SegmentJson.Read($"{{\"op\":\"in\",\"field\":\"city\",\"values\":[\"{new string('x', 101)}\"]}}", Catalog).Error!.Code);
    }

    [Fact]
    public void Writes_the_documented_shape()
    {
        var json = SegmentJson.Write(new And(new In("city", "杭州"), new Not(new HasTag(TestFields.Lost)), new NumberRange("total_spent", 300.01m, null),
            new DateRange("birthday", null, new DateOnly(2000, 1, 1)), new Is("consent_sms", true)));
        Assert.Equal("{\"op\":\"and\",\"args\":[{\"op\":\"in\",\"field\":\"city\",\"values\":[\"\\u676D\\u5DDE\"]},"
            + $"{{\"op\":\"not\",\"arg\":{{\"op\":\"tag\",\"tag\":\"{TestFields.Lost}\"}}}},"
            + "{\"op\":\"range\",\"field\":\"total_spent\",\"min\":300.01},{\"op\":\"range\",\"field\":\"birthday\",\"max\":\"2000-01-01\"},"
            + "{\"op\":\"is\",\"field\":\"consent_sms\",\"value\":true}]}", json);
    }
}
