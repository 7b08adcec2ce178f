using System.Text.Json;

namespace Waterwheel.Audiences.Counting;

/// <summary>A segment's size for the acting user, and the segment back in both forms (the console shows the text under the builder).</summary>
public sealed record SegmentCount(ulong Count, string Text, JsonElement Expression);

/// <summary>
/// The live preview behind the segment builder: counted from this node's index on every click, never by SQL, within the
/// actor's data scope (head office counts dealers' customers too; a dealer only its own).
/// </summary>
internal sealed class CountSegment(SegmentInput input, ActorAudience audience)
{
    public async Task<Result<SegmentCount>> Handle(SegmentRequest request, CancellationToken ct)
    {
        var read = await input.Read(request, ct);
        if (!read.IsSuccess) return read.Error!;
        var segment = read.Value!;
        return new SegmentCount(await audience.Count(segment.Segment, ct), segment.Text, JsonDocument.Parse(segment.Json).RootElement.Clone());
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/count", async (SegmentRequest request, CountSegment handler, CancellationToken ct) => (await handler.Handle(request, ct)).ToOk())
        .RequireAuthorization(Permissions.AudiencesRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("CountSegment")
        .WithSummary("How many customers a segment (expression as JSON, or text) holds within the caller's data scope, from the in-memory index");
}
