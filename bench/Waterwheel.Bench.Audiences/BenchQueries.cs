using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Segments.Text;

namespace Waterwheel.Bench.Audiences;

/// <summary>The segments asked: 2, 5 and 10 terms mixing and, or and not, each with one range, and the example (two ranges).</summary>
internal static class BenchQueries
{
    public static readonly (string Name, string Text)[] Texts =
    [
        ("2 terms", "tag \"t003\" and total_spent >= 500"),
        ("5 terms", "(city in (\"杭州\", \"上海\") or tag \"t007\") and last_order_on within 90 days and not tag \"t001\" and consent_wecom = true"),
        ("10 terms", "(tag \"t002\" or tag \"t005\" or tag \"t011\") and not (tag \"t001\" or tag \"t004\") and city in (\"杭州\", \"上海\", \"北京\")"
            + " and lifecycle_stage in (\"active\", \"at_risk\") and consent_wecom = true and gender = \"female\" and total_spent between 200 and 5000"),
        ("issue's example", "city in (\"杭州\", \"上海\") and last_order_on within 90 days and not tag \"t001\" and total_spent > 300"),
    ];

    public static readonly TagDirectory Tags =
        new(Enumerable.Range(0, Population.TagCount).Select(i => KeyValuePair.Create(Population.TagName(i), Population.TagIds[i])));

    public static (string Name, Segment Segment)[] Parse(FieldCatalog catalog) => Texts.Select(q =>
    {
        var parsed = SegmentParser.Parse(q.Text, catalog, Tags);
        return parsed.IsSuccess ? (q.Name, parsed.Value!) : throw new InvalidOperationException($"{q.Name}: {parsed.Error}");
    }).ToArray();
}
