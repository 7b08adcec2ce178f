using System.Text.Json;
using Waterwheel.Audiences.Members;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Segments.Json;
using Waterwheel.Audiences.Segments.Text;
using Waterwheel.Audiences.Tags;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Counting;

/// <summary>A segment as a request may give it: the JSON form (<c>expression</c>) or the text form (<c>text</c>), exactly one.</summary>
public sealed record SegmentRequest(JsonElement? Expression, string? Text);

/// <summary>A read segment in both forms: the JSON to store and the text to show.</summary>
internal sealed record ReadSegment(Segment Segment, string Json, string Text);

/// <summary>
/// Reads and validates a segment against the tenant's fields and tags. Errors name the request's field
/// (<c>expression</c> or <c>text</c>) and, in their message, the segment's own field or position.
/// </summary>
internal sealed class SegmentInput(ICustomerFacts facts, TenantTags tags)
{
    public async Task<Result<ReadSegment>> Read(SegmentRequest? request, CancellationToken ct)
    {
        var hasJson = request?.Expression is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        var hasText = !string.IsNullOrWhiteSpace(request?.Text);
        if (hasJson == hasText)
            return Error.Invalid("expression", AudienceText.Get("SegmentInputOne"));
        var catalog = await TenantCatalog.Load(facts, ct);
        var directory = await tags.Directory(ct);
        var field = hasJson ? "expression" : "text";
        if (hasText && request!.Text!.Length > SegmentLimits.MaxTextLength)
            return Error.Invalid("text", AudienceText.Format("SegmentTextTooLong", SegmentLimits.MaxTextLength));
        var read = hasJson ? SegmentJson.Read(request!.Expression!.Value.GetRawText(), catalog) : SegmentParser.Parse(request!.Text!, catalog, directory);
        if (!read.IsSuccess) return Problem(read.Error!, field);
        var segment = read.Value!;
        if (SegmentValidator.Validate(segment, catalog) is { } invalid) return Problem(invalid, field);
        if (UnknownTag(segment, directory) is { } tag)
            return Problem(new SegmentError("segment_unknown_tag", AudienceText.Format("UnknownTagId", tag)), field);
        return new ReadSegment(segment, SegmentJson.Write(segment), SegmentPrinter.Print(segment, directory));
    }

    /// <summary>A stored segment (its JSON) read again, for printing and evaluating; tags deleted since simply match no one.</summary>
    public async Task<Result<ReadSegment>> Stored(string json, CancellationToken ct)
    {
        var catalog = await TenantCatalog.Load(facts, ct);
        var read = SegmentJson.Read(json, catalog);
        if (!read.IsSuccess) return Problem(read.Error!, "expression");
        return new ReadSegment(read.Value!, json, SegmentPrinter.Print(read.Value!, await tags.Directory(ct)));
    }

    private static Error Problem(SegmentError error, string field) =>
        new(ErrorKind.Validation, error.Code, error.Message, new Dictionary<string, string[]>
        {
            [field] = [error.Position is { } p ? $"{error.Message} (at {p})" : error.Path is { } path ? $"{path}: {error.Message}" : error.Message],
        });

    private static Guid? UnknownTag(Segment segment, TagDirectory tags) => segment switch
    {
        HasTag tag => tags.TryGetName(tag.TagId, out _) ? null : tag.TagId,
        And and => and.Terms.Select(t => UnknownTag(t, tags)).FirstOrDefault(t => t is not null),
        Or or => or.Terms.Select(t => UnknownTag(t, tags)).FirstOrDefault(t => t is not null),
        Not not => UnknownTag(not.Term, tags),
        _ => null,
    };
}
