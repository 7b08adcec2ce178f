using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Segments.Text;
using Waterwheel.Audiences.Tests.Support;

namespace Waterwheel.Audiences.Tests.Segments;

/// <summary>Every way the text form is refused: a code, a message that says what was expected, and where.</summary>
public sealed class SegmentTextErrors
{
    private static readonly FieldCatalog Catalog = TestFields.Catalog();

    [Theory]
    [InlineData("city in (\"杭州\" \"上海\")", "segment_syntax", 14, "Expected ',' or ')'")]
    [InlineData("city in (\"杭州\"", "segment_syntax", 13, "found the end")]
    [InlineData("city in \"杭州\"", "segment_syntax", 8, "Expected '('")]
    [InlineData("tag \"VIP\" tag \"已流失\"", "segment_syntax", 10, "Expected 'and', 'or' or the end")]
    [InlineData("tag \"VIP\" and", "segment_syntax", 13, "Expected a field, 'tag', 'not' or '('")]
    [InlineData("(tag \"VIP\"", "segment_syntax", 10, "Expected ')'")]
    [InlineData("city ~ \"杭州\"", "segment_syntax", 5, "Unexpected character '~'")]
    [InlineData("city in (\"杭州)", "segment_syntax", 9, "not closed")]
    [InlineData("city in (\"a\\n\")", "segment_syntax", 11, "escapes only")]
    [InlineData("city", "segment_syntax", 4, "Expected an operator for 'city'")]
    [InlineData("last_order_on within 90", "segment_syntax", 23, "Expected 'days'")]
    [InlineData("last_order_on within ninety days", "segment_syntax", 21, "whole number of days")]
    [InlineData("consent_sms = yes", "segment_syntax", 14, "Expected true or false")]
    [InlineData("cty in (\"杭州\")", "segment_unknown_field", 0, "no field 'cty'")]
    [InlineData("not tag \"流失\"", "segment_unknown_tag", 8, "no tag \"流失\"")]
    [InlineData("tag id \"not-a-guid\"", "segment_value_type", 7, "is not a tag id")]
    [InlineData("total_spent > \"300\"", "segment_value_type", 14, "'total_spent' takes a number")]
    [InlineData("city in (1, 2)", "segment_value_type", 9, "'city' takes text in quotes")]
    [InlineData("birthday >= 300", "segment_value_type", 12, "takes a date")]
    [InlineData("birthday >= 2026-02-30", "segment_value_type", 12, "takes a date")]
    [InlineData("total_spent in (\"300\")", "segment_value_type", 12, "'in' does not apply to 'total_spent'")]
    [InlineData("city > \"A\"", "segment_value_type", 5, "'>' does not apply to 'city'")]
    [InlineData("total_spent within 30 days", "segment_value_type", 12, "does not apply to 'total_spent'")]
    [InlineData("consent_sms between 1 and 2", "segment_value_type", 12, "does not apply to 'consent_sms'")]
    [InlineData("order_count >= 1.5", "segment_value_type", 15, "whole numbers")]
    [InlineData("total_spent >= 1.005", "segment_value_type", 15, "at most 2 decimals")]
    [InlineData("last_order_on within 99999 days", "segment_value_type", 21, "from 0 to 36,500")]
    [InlineData("city in (\"\")", "segment_value_type", 9, "may not be empty")]
    public void Refuses_with_code_position_and_what_was_expected(string text, string code, int position, string message)
    {
        var parsed = SegmentParser.Parse(text, Catalog, TestFields.TagNames);
        Assert.False(parsed.IsSuccess);
        Assert.Equal(code, parsed.Error!.Code);
        Assert.Equal(position, parsed.Error.Position);
        Assert.Contains(message, parsed.Error.Message);
    }

    [Fact]
    public void A_range_whose_bounds_cross_is_empty()
    {
        Assert.Equal("segment_empty_range", Error("total_spent between 300 and 100").Code);
        Assert.Equal("segment_empty_range", Error("birthday between 2001-01-01 and 2000-01-01").Code);
    }

    [Fact]
    public void A_value_longer_than_the_limit_is_refused()
    {
        var error = Error($"city in (\"{new string('杭', SegmentLimits.MaxStringLength + 1)}\")");
        Assert.Equal(("segment_too_large", 9), (error.Code, error.Position));
    }

    [Fact]
    public void More_values_than_an_in_takes_are_refused()
    {
        var values = string.Join(", ", Enumerable.Range(0, SegmentLimits.MaxValuesPerIn + 1).Select(i => $"\"c{i}\""));
        Assert.Equal("segment_too_large", Error($"city in ({values})").Code);
        Assert.True(SegmentParser.Parse($"city in ({string.Join(", ", Enumerable.Range(0, SegmentLimits.MaxValuesPerIn).Select(i => $"\"c{i}\""))})",
            Catalog, TestFields.TagNames).IsSuccess);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_without_exhausting_the_stack()
    {
        Assert.Equal("segment_too_large", Error(new string('(', 100_000) + "tag \"VIP\"" + new string(')', 100_000)).Code);
        Assert.Equal("segment_too_large", Error(string.Concat(Enumerable.Repeat("not ", 100_000)) + "tag \"VIP\"").Code);
        var deep = "tag \"VIP\"";
        for (var i = 0; i < SegmentLimits.MaxDepth; i++) deep = $"tag \"已流失\" {(i % 2 == 0 ? "and" : "or")} ({deep})";
        Assert.Contains("levels deep", Error(deep).Message);
    }

    [Fact]
    public void More_terms_than_the_limit_are_refused()
    {
        var terms = string.Join(" or ", Enumerable.Repeat("tag \"VIP\"", SegmentLimits.MaxTerms + 1));
        Assert.Contains("at most 200 terms", Error(terms).Message);
    }

    [Fact]
    public void The_error_maps_to_a_validation_problem_for_the_api()
    {
        var error = Error("cty in (\"杭州\")").ToError();
        Assert.Equal((Waterwheel.Platform.Api.ErrorKind.Validation, "segment_unknown_field"), (error.Kind, error.Code));
        Assert.Contains("cty", error.Fields!["expression"][0]);
    }

    private static SegmentError Error(string text)
    {
        var parsed = SegmentParser.Parse(text, Catalog, TestFields.TagNames);
        Assert.False(parsed.IsSuccess);
        return parsed.Error!;
    }
}
