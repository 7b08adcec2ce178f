using Waterwheel.Audiences.Counting;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Tags;

/// <summary>
/// Reads a rule tag's condition: a segment like any other (JSON or text, checked against the tenant's fields and tags)
/// that names no rule tag, so that rules never chase each other round a loop. Null when the request gives none.
/// </summary>
internal sealed class RuleInput(AudiencesDbContext db, SegmentInput input)
{
    public async Task<Result<ReadSegment?>> Read(SegmentRequest? rule, CancellationToken ct)
    {
        if (rule is null || (rule.Expression is null && rule.Text is null)) return (ReadSegment?)null;
        var read = await input.Read(rule, ct);
        if (!read.IsSuccess) return read.Error!;
        var named = Tags(read.Value!.Segment).ToList();
        var ruled = await db.Tags.AsNoTracking().Where(t => named.Contains(t.Id) && t.Rule != null).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (ruled is not null) return Error.Invalid("rule", AudienceText.Format("RuleNamesRuleTag", ruled));
        return read.Value;
    }

    /// <summary>A stored rule in the text form, for showing; null for a tag without one.</summary>
    public async Task<string?> Text(Tag tag, CancellationToken ct) =>
        tag.Rule is null ? null : (await input.Stored(tag.Rule, ct)).Value?.Text;

    private static IEnumerable<Guid> Tags(Segment segment) => segment switch
    {
        HasTag tag => [tag.TagId],
        And and => and.Terms.SelectMany(Tags),
        Or or => or.Terms.SelectMany(Tags),
        Not not => Tags(not.Term),
        _ => [],
    };
}
