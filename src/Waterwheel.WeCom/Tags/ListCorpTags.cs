using Waterwheel.WeCom.Contacts;

namespace Waterwheel.WeCom.Tags;

public sealed record CorpTagDto(
    string TagId, string Name, long Order, string GroupId, string GroupName, long GroupOrder, bool Deleted, int Customers);

public sealed record CorpTagQuery : PageQuery
{
    public string? GroupId { get; set; }
    public bool? IncludeDeleted { get; set; }
}

/// <summary>
/// Corp tags with their group and how many customers carry each (counted once per customer, over active relations).
/// Ordered as WeCom shows them by default: a larger order first, group by group.
/// </summary>
internal sealed class ListCorpTags(WeComDbContext db)
{
    public Task<Page<CorpTagDto>> Handle(CorpTagQuery query, CancellationToken ct) => Rows(query).ToPage(page => page, query, ct);

    /// <summary>Every tag the filter matches, in the list's order.</summary>
    public IQueryable<CorpTagDto> Rows(CorpTagQuery query)
    {
        var rows = from t in db.Tags.AsNoTracking()
                   join g in db.TagGroups.AsNoTracking() on t.GroupId equals g.GroupId into groups
                   from g in groups.DefaultIfEmpty()
                   select new
                   {
                       t,
                       GroupName = g != null ? g.Name : "",
                       GroupOrder = g != null ? g.Order : 0,
                       Customers = db.RelationTags.Where(rt => rt.TagId == t.TagId && db.Relations.Any(r =>
                               r.Status == RelationStatus.Active && r.ExternalUserId == rt.ExternalUserId && r.StaffUserId == rt.StaffUserId))
                           .Select(rt => rt.ExternalUserId).Distinct().Count(),
                   };
        if (query.IncludeDeleted != true) rows = rows.Where(x => !x.t.Deleted);
        if (!string.IsNullOrWhiteSpace(query.GroupId)) rows = rows.Where(x => x.t.GroupId == query.GroupId);
        if (query.Search is { } q) rows = rows.Where(x => x.t.Name.Contains(q) || x.GroupName.Contains(q) || x.t.TagId == q);
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.t.Name).ThenBy(x => x.t.TagId),
            ("name", true) => rows.OrderByDescending(x => x.t.Name).ThenBy(x => x.t.TagId),
            ("customers", false) => rows.OrderBy(x => x.Customers).ThenBy(x => x.t.TagId),
            ("customers", true) => rows.OrderByDescending(x => x.Customers).ThenBy(x => x.t.TagId),
            _ => rows.OrderByDescending(x => x.GroupOrder).ThenBy(x => x.GroupName).ThenBy(x => x.t.GroupId)
                .ThenByDescending(x => x.t.Order).ThenBy(x => x.t.TagId),
        };
        return ordered.Select(x => new CorpTagDto(x.t.TagId, x.t.Name, x.t.Order, x.t.GroupId, x.GroupName, x.GroupOrder, x.t.Deleted, x.Customers));
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/tags", async ([AsParameters] CorpTagQuery query, ListCorpTags handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.CustomersRead)
            .WithName("ListCorpTags")
            .WithSummary("Corp tags by group, with how many customers carry each (search, group filter, paging)");

        api.MapGet("/tags/export", async ([AsParameters] CorpTagQuery query, string? format, ListCorpTags handler, Lists.ListFiles files, CancellationToken ct) =>
                await files.CorpTags(handler.Rows(query), format, query, ct))
            .RequireAuthorization(Permissions.CustomersRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportCorpTags")
            .WithSummary("The corp tags as CSV or xlsx (format), with group and customer count (audited)");
    }
}
