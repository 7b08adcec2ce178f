using FluentValidation;
using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Counting;
using Waterwheel.Audiences.Engine;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Packs;

/// <summary>
/// Freezes a segment into a pack (人群包) for a send or an export: the customers the actor's scope holds now, recorded as
/// a portable Roaring bitmap and as profile ids, with the expression, the time and the count; bounded by
/// <see cref="AudienceOptions.MaxBulk"/>; audited.
/// </summary>
internal sealed class FreezePack(AudiencesDbContext db, IValidator<FreezePackRequest> validator, SegmentInput input, ActorAudience audience, ActorContext actor,
    IAuditLog audit, TimeProvider time, Microsoft.Extensions.Options.IOptions<AudienceOptions> options)
{
    private const int Batch = 2_000;

    public async Task<Result<PackView>> Handle(FreezePackRequest request, CancellationToken ct)
    {
        var invalid = await validator.Check(request, ct);
        var read = await Condition(request, ct);
        if (Problems.Together(invalid, read.Error) is { } problem) return problem;
        var segment = read.Value!;
        using var matched = await audience.Materialise(segment.Segment, ct);
        if (matched.Count > (ulong)options.Value.MaxBulk)
            return Error.Invalid(request.SegmentId is not null ? "segmentId" : request.Text is null ? "expression" : "text",
                AudienceText.Format("PackTooLarge", matched.Count, options.Value.MaxBulk));

        var tenant = actor.TenantId!.Value;
        var pack = new PackDraft(Guid.CreateVersion7());
        // The members' rows, read through the actor's scope, decide who is in: the index matched them a moment ago.
        foreach (var ordinals in matched.Ordinals.Chunk(Batch))
            foreach (var member in await db.Members.AsNoTracking().Where(m => ordinals.Contains(m.Ordinal)).Select(m => new { m.Ordinal, m.ProfileId }).ToListAsync(ct))
                pack.Members.Add(new PackMember { TenantId = tenant, PackId = pack.Id, Ordinal = member.Ordinal, ProfileId = member.ProfileId });
        using var bitmap = new Roaring32Bitmap(pack.Members.Select(m => (uint)m.Ordinal).ToArray());
        var frozen = new AudiencePack
        {
            Id = pack.Id, TenantId = tenant, Name = request.Name!.Trim(), SegmentId = request.SegmentId, ExpressionJson = segment.Json, ExpressionText = segment.Text,
            FrozenAt = time.GetUtcNow().UtcDateTime, Count = pack.Members.Count, Bitmap = PortableBitmap.Write(bitmap), OwnerOrgPath = actor.Scope.Path,
            CreatedBy = actor.Name,
        };
        await db.Atomically(async () =>
        {
            db.Packs.Add(frozen);
            foreach (var chunk in pack.Members.Chunk(Batch))
            {
                db.PackMembers.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            if (pack.Members.Count == 0) await db.SaveChangesAsync(ct);
            return 0;
        }, ct);
        await audit.RecordNowAsync(AuditActions.PackFrozen, "audience_pack", frozen.Id.ToString(), $"pack {frozen.Name} frozen with {frozen.Count} customers: {segment.Text}", ct);
        return PackView.Of(frozen);
    }

    private async Task<Result<ReadSegment>> Condition(FreezePackRequest request, CancellationToken ct)
    {
        if (request.SegmentId is not { } id) return await input.Read(new SegmentRequest(request.Expression, request.Text), ct);
        var saved = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return saved is null ? Error.Invalid("segmentId", AudienceText.Get("UnknownSegment")) : await input.Stored(saved.Expression, ct);
    }

    private sealed record PackDraft(Guid Id)
    {
        public List<PackMember> Members { get; } = [];
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/packs", async (FreezePackRequest request, FreezePack handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(p => $"/api/audiences/packs/{p.Id}"))
        .RequireAuthorization(Permissions.AudiencesWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("FreezePack")
        .WithSummary("Freezes a saved segment (segmentId) or a condition (expression or text) into a pack: expression, time, count and members (audited)");
}
