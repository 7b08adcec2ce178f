using Waterwheel.Audiences.Counting;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Tags;

public sealed record BulkTagRequest(System.Text.Json.JsonElement? Expression, string? Text, bool? Remove);

/// <summary>How many customers the segment held and how many newly got (or lost) the tag.</summary>
public sealed record BulkTagResult(ulong Matched, int Changed);

/// <summary>
/// Gives a tag to (or takes it from) every customer of a segment within the actor's scope, batch by batch, each batch a
/// transaction of its own (head office leaves out the dealers' customers it may not reach); bounded by <see cref="AudienceOptions.MaxBulk"/>. Audited with the segment and the numbers.
/// </summary>
internal sealed class BulkTag(AudiencesDbContext db, SegmentInput input, ActorAudience audience, TagWriter writer, Members.PersonVisibility people,
    ActorContext actor, IAuditLog audit,
    Microsoft.Extensions.Options.IOptions<AudienceOptions> options)
{
    private const int Batch = 1_000;

    public async Task<Result<BulkTagResult>> Handle(Guid tagId, BulkTagRequest request, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tagId, ct);
        if (tag is null) return Error.NotFound("Tag");
        var read = await input.Read(new SegmentRequest(request.Expression, request.Text), ct);
        if (!read.IsSuccess) return read.Error!;
        using var members = await audience.Materialise(read.Value!.Segment, ct);
        if (members.Count > (ulong)options.Value.MaxBulk)
            return Error.Invalid(request.Text is null ? "expression" : "text", AudienceText.Format("BulkTooLarge", members.Count, options.Value.MaxBulk));
        var changed = 0;
        foreach (var ordinals in members.Ordinals.Chunk(Batch))
        {
            var batch = new List<Members.Member>();
            // Head office counts a dealer's customers but tags only the people it may reach.
            foreach (var member in await db.Members.Where(m => ordinals.Contains(m.Ordinal)).ToListAsync(ct))
                if (await people.Reaches(member, ct)) batch.Add(member);
            changed += request.Remove == true ? await writer.Take(tag.Id, batch, ct, by: actor.Name) : await writer.Give(tag, batch, TagCause.Manual, actor.Name, ct);
            db.ChangeTracker.Clear();
        }
        await audit.RecordNowAsync(AuditActions.CustomerTagged, "tag", tag.Id.ToString(),
            $"tag {tag.Name} {(request.Remove == true ? "taken from" : "given to")} {changed} of {members.Count} customers of the segment {read.Value!.Text}", ct);
        return new BulkTagResult(members.Count, changed);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tags/{id:guid}/bulk", async (Guid id, BulkTagRequest request, BulkTag handler, CancellationToken ct) => (await handler.Handle(id, request, ct)).ToOk())
        .RequireAuthorization(Permissions.AudiencesWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("BulkTagSegment")
        .WithSummary("Gives a tag to every customer of a segment (expression or text) within the caller's scope, or takes it (remove=true) (audited)");
}
