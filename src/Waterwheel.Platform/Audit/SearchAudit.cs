
namespace Waterwheel.Platform.Audit;

/// <summary>The tenant's audit log, newest first, searchable by actor, target and summary.</summary>
internal sealed class SearchAudit(PlatformDbContext db)
{
    public Task<Page<AuditEntryDto>> Handle(AuditQuery query, CancellationToken ct) =>
        Order(Filter(query), query).ToPage(q => q.Select(ToDto), query, ct);

    public Task<List<AuditEntryDto>> All(AuditQuery query, CancellationToken ct) =>
        Order(Filter(query), query).Select(ToDto).ToListAsync(ct);

    private IQueryable<AuditEntry> Filter(AuditQuery query)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (query.Search is { } q)
            entries = entries.Where(a => a.ActorName.Contains(q) || a.Summary.Contains(q) || a.TargetId == q || a.Ip == q);
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(a => a.Action == query.Action);
        if (query.From is { } from) entries = entries.Where(a => a.At >= from.ToUniversalTime());
        if (query.To is { } to) entries = entries.Where(a => a.At < to.ToUniversalTime());
        return entries;
    }

    private static IQueryable<AuditEntry> Order(IQueryable<AuditEntry> entries, PageQuery query) => (query.Sort?.ToLowerInvariant(), query.Descending) switch
    {
        ("actor", false) => entries.OrderBy(a => a.ActorName).ThenByDescending(a => a.At),
        ("actor", true) => entries.OrderByDescending(a => a.ActorName).ThenByDescending(a => a.At),
        ("action", false) => entries.OrderBy(a => a.Action).ThenByDescending(a => a.At),
        ("action", true) => entries.OrderByDescending(a => a.Action).ThenByDescending(a => a.At),
        ("at", false) => entries.OrderBy(a => a.At).ThenBy(a => a.Id),
        _ => entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id),
    };

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditEntryDto>> ToDto = a => new AuditEntryDto(
        a.Id, a.At, a.Action, a.ActorKind, a.ActorName, a.TargetType, a.TargetId, a.Summary, a.Ip, a.UserAgent);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/audit", async ([AsParameters] AuditQuery query, SearchAudit handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.AuditRead)
        .WithName("SearchAudit")
        .WithSummary("Search the audit log");
}
