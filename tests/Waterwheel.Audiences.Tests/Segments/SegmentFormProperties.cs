using System.Text;
using FsCheck.Xunit;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Segments.Json;
using Waterwheel.Audiences.Segments.Text;
using Waterwheel.Audiences.Tests.Support;

namespace Waterwheel.Audiences.Tests.Segments;

/// <summary>The two forms say the same trees: each reads back what it wrote, and the text has one spelling per tree.</summary>
public sealed class SegmentFormProperties
{
    private static readonly FieldCatalog Catalog = TestFields.Catalog();

    [Property(MaxTest = 500)]
    public bool Text_reads_back_the_tree_it_printed(int seed)
    {
        var segment = new SegmentGenerator(new Random(seed)).Next(4);
        var parsed = SegmentParser.Parse(SegmentPrinter.Print(segment, TestFields.TagNames), Catalog, TestFields.TagNames);
        return parsed.IsSuccess && parsed.Value == segment;
    }

    [Property(MaxTest = 500)]
    public bool Json_reads_back_the_tree_it_wrote(int seed)
    {
        var segment = new SegmentGenerator(new Random(seed)).Next(4);
        var read = SegmentJson.Read(SegmentJson.Write(segment), Catalog);
        return read.IsSuccess && read.Value == segment;
    }

    [Property(MaxTest = 500)]
    public bool Any_spelling_of_a_segment_prints_as_the_one_canonical_text(int seed)
    {
        var random = new Random(seed);
        var canonical = SegmentPrinter.Print(new SegmentGenerator(random).Next(4), TestFields.TagNames);
        var respelled = Respell(canonical, random);
        var parsed = SegmentParser.Parse(respelled, Catalog, TestFields.TagNames);
        Assert.True(parsed.IsSuccess, $"{respelled}: {parsed.Error}");
        Assert.Equal(canonical, SegmentPrinter.Print(parsed.Value!, TestFields.TagNames));
        return true;
    }

    [Fact]
    public void Exclusive_bounds_and_equality_read_as_inclusive_ranges_on_the_fields_step()
    {
        Assert.Equal(new NumberRange("total_spent", 300.01m, null), Parse("total_spent > 300"));
        Assert.Equal(new NumberRange("order_count", null, 1), Parse("order_count < 2"));
        Assert.Equal(new DateRange("birthday", new DateOnly(2000, 1, 2), null), Parse("birthday > 2000-01-01"));
        Assert.Equal(new NumberRange("rfm_r", 5, 5), Parse("rfm_r = 5"));
        Assert.Equal(new In("city", "杭州"), Parse("city = \"杭州\""));
        Assert.Equal("total_spent >= 300.01", SegmentPrinter.Print(Parse("TOTAL_SPENT  >  300.00"), TestFields.TagNames));
    }

    [Fact]
    public void The_issues_example_reads_as_four_terms()
    {
        var segment = Parse("city in (\"杭州\", \"上海\") and last_order_on within 90 days and not tag \"已流失\" and total_spent > 300");
        Assert.Equal(new And(new In("city", "杭州", "上海"), new WithinDays("last_order_on", 90), new Not(new HasTag(TestFields.Lost)),
            new NumberRange("total_spent", 300.01m, null)), segment);
    }

    [Fact]
    public void And_binds_tighter_than_or_and_not_tighter_than_and()
    {
        var (a, b, c) = (new HasTag(TestFields.Vip), new HasTag(TestFields.Lost), new HasTag(TestFields.Baker));
        Assert.Equal(new Or(a, new And(new Not(b), c)), Parse("tag \"VIP\" or not tag \"已流失\" and tag \"烘焙爱好者\""));
        Assert.Equal(new And(new Or(a, b), c), Parse("(tag \"VIP\" or tag \"已流失\") and tag \"烘焙爱好者\""));
        Assert.Equal("(tag \"VIP\" or tag \"已流失\") and tag \"烘焙爱好者\"", SegmentPrinter.Print(new And(new Or(a, b), c), TestFields.TagNames));
    }

    [Fact]
    public void A_tag_without_a_name_prints_by_id_and_reads_back()
    {
        var text = SegmentPrinter.Print(new HasTag(TestFields.Nameless), TestFields.TagNames);
        Assert.Equal($"tag id \"{TestFields.Nameless}\"", text);
        Assert.Equal(new HasTag(TestFields.Nameless), Parse(text));
    }

    private static Segment Parse(string text)
    {
        var parsed = SegmentParser.Parse(text, Catalog, TestFields.TagNames);
        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        return parsed.Value!;
    }

    /// <summary>The same tokens with other whitespace, other letter case and the whole wrapped in parentheses.</summary>
    private static string Respell(string canonical, Random random)
    {
        var tokens = Lexer.Tokens(canonical).Value!;
        var text = new StringBuilder("( ");
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var token = tokens[i];
            var isDays = tokens[i + 1].IsWord("days");
            text.Append(token.Kind switch
            {
                TokenKind.String => "\"" + token.Text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
                TokenKind.Word => random.Next(2) == 0 ? token.Text.ToUpperInvariant() : token.Text,
                TokenKind.Number when !isDays && !token.Text.Contains('.') && random.Next(2) == 0 => token.Text + ".0",
                _ => token.Text,
            });
            text.Append(random.Next(3) == 0 ? "\n\t " : " ");
        }
        return text.Append(')').ToString();
    }
}
