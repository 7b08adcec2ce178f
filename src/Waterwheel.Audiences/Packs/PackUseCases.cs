using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Packs;

/// <summary>The packs the actor's part of the organisation froze (head office sees all), newest first; q searches names.</summary>
internal sealed class ListPacks(AudiencesDbContext db)
{
    public async Task<Page<PackView>> Handle(PageQuery query, CancellationToken ct)
    {
        var packs = db.Packs.AsNoTracking();
        if (query.Search is { } q) packs = packs.Where(p => p.Name.Contains(q));
        packs = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => packs.OrderBy(p => p.Name).ThenBy(p => p.Id),
            ("name", true) => packs.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            ("count", var desc) => desc ? packs.OrderByDescending(p => p.Count).ThenBy(p => p.Id) : packs.OrderBy(p => p.Count).ThenBy(p => p.Id),
            _ => packs.OrderByDescending(p => p.FrozenAt).ThenBy(p => p.Id),
        };
        var page = await packs.ToPage(p => p, query, ct);
        return new Page<PackView>(page.Items.Select(PackView.Of).ToList(), page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/packs", async ([AsParameters] PageQuery query, ListPacks handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.AudiencesRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("ListPacks")
        .WithSummary("Frozen audience packs (q: name contains; sort frozen|name|count): expression, time and count");
}

internal sealed class GetPack(AudiencesDbContext db)
{
    public async Task<Result<PackView>> Handle(Guid id, CancellationToken ct) =>
        await db.Packs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } pack ? PackView.Of(pack) : Error.NotFound("Pack");

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/packs/{id:guid}", async (Guid id, GetPack handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.AudiencesRead)
        .WithName("GetPack")
        .WithSummary("One frozen pack: its expression as frozen, time and count");
}

/// <summary>
/// A pack's customers as CSV or xlsx, masked unless asked in clear with pii.reveal, and by the Customers module's rule:
/// a dealer's customer head office may not see is a row with the id and store only. Customers since merged away or
/// erased are left out. Audited with the row count.
/// </summary>
internal sealed class ExportPack(AudiencesDbContext db, ICustomerFacts facts, ActorContext actor, IAuditLog audit, ITenantZone zone, TimeProvider time)
{
    public async Task<IResult> Handle(Guid id, string? format, bool? unmasked, CancellationToken ct)
    {
        var pack = await db.Packs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pack is null) return Error.NotFound("Pack").ToProblem();
        var parsed = ExportFile.Parse(format);
        if (!parsed.IsSuccess) return parsed.Error!.ToProblem();
        var clear = unmasked == true;
        if (clear && !actor.Has(Permissions.PiiReveal))
            return Error.Forbidden("pii_reveal_required", AudienceText.Get("PiiRevealExport")).ToProblem();
        var ids = await db.PackMembers.AsNoTracking().Where(m => m.PackId == id).OrderBy(m => m.Ordinal).Select(m => m.ProfileId).ToListAsync(ct);
        var people = await facts.People(ids, clear, ct);
        await audit.RecordNowAsync(AuditActions.Exported, "audience_pack", pack.Id.ToString(),
            $"audience pack {pack.Name} export ({ExportFile.Extension(parsed.Value)}): {people.Count} rows, {(clear ? "unmasked" : "masked")}", ct);
        var tz = await zone.Current(ct);
        string[] header = [.. new[] { "ProfileId", "Name", "Mobile", "City", "Store", "Guide", "Hidden" }.Select(k => AudienceText.Get("Export." + k))];
        var stem = $"pack-{TenantTime.Local(time.GetUtcNow().UtcDateTime, tz):yyyyMMdd-HHmmss}";
        return ExportFile.Send(parsed.Value, stem, AudienceText.Get("Export.Sheet"), header, ExportFile.Rows(people, p =>
            new[] { p.ProfileId.ToString(), p.Name, p.Mobile, p.City, p.OwnerStore, p.OwnerStaff, AudienceText.Get(p.Shown ? "No" : "Yes") }), ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/packs/{id:guid}/export", async (Guid id, string? format, bool? unmasked, ExportPack handler, CancellationToken ct) =>
            await handler.Handle(id, format, unmasked, ct))
        .RequireAuthorization(Permissions.ProfilesRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithName("ExportPack")
        .WithSummary("A pack's customers as CSV or xlsx (format), masked unless unmasked=true with pii.reveal; head office never sees a dealer's people (audited)");
}
