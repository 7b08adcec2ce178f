using System.Text.Json;
using Waterwheel.Audiences.Counting;

namespace Waterwheel.Audiences.SavedSegments;

/// <summary>Turns stored segments into views: read again, printed with today's tag names, counted within the caller's scope.</summary>
internal sealed class SegmentViews(SegmentInput input, ActorAudience audience)
{
    public async Task<SegmentView> Of(SavedSegment s, CancellationToken ct)
    {
        var read = await input.Stored(s.Expression, ct);
        // A stored segment naming a custom attribute since deleted no longer reads: it is shown, counted as holding no one.
        var text = read.IsSuccess ? read.Value!.Text : "";
        var count = read.IsSuccess ? await audience.Count(read.Value!.Segment, ct) : 0;
        return new SegmentView(s.Id, s.Name, JsonDocument.Parse(s.Expression).RootElement.Clone(), text, count, s.CreatedBy, s.CreatedAt, s.UpdatedAt, s.Version);
    }
}
