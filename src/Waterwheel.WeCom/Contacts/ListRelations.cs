namespace Waterwheel.WeCom.Contacts;

public sealed record RelationDto(
    Guid Id, string ExternalUserId, string CustomerName, int CustomerType, string StaffUserId, string? State, int AddWay,
    DateTime AddedAt, RelationStatus Status, DateTime? EndedAt, DateTime? WelcomeSentAt);

public sealed record RelationQuery : PageQuery
{
    public RelationStatus? Status { get; set; }
    public string? StaffUserId { get; set; }
}

/// <summary>Customers' WeCom relationships with staff, newest first: who came, through which channel, to whom.</summary>
internal sealed class ListRelations(WeComDbContext db)
{
    public Task<Page<RelationDto>> Handle(RelationQuery query, CancellationToken ct)
    {
        var rows = from r in db.Relations.AsNoTracking()
                   join c in db.Contacts.AsNoTracking() on r.ExternalUserId equals c.ExternalUserId into contacts
                   from c in contacts.DefaultIfEmpty()
                   select new { r, Name = c != null ? c.Name : "", Type = c != null ? c.Type : 0 };
        if (query.Search is { } q) rows = rows.Where(x => x.Name.Contains(q) || x.r.State == q || x.r.StaffUserId == q || x.r.ExternalUserId == q);
        if (query.Status is { } status) rows = rows.Where(x => x.r.Status == status);
        if (!string.IsNullOrWhiteSpace(query.StaffUserId)) rows = rows.Where(x => x.r.StaffUserId == query.StaffUserId);
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.Name),
            ("name", true) => rows.OrderByDescending(x => x.Name),
            ("addedat", false) => rows.OrderBy(x => x.r.AddedAt),
            _ => rows.OrderByDescending(x => x.r.AddedAt).ThenByDescending(x => x.r.Id),
        };
        return ordered.ToPage(page => page.Select(x => new RelationDto(x.r.Id, x.r.ExternalUserId, x.Name, x.Type, x.r.StaffUserId,
            x.r.State, x.r.AddWay, x.r.AddedAt, x.r.Status, x.r.EndedAt, x.r.WelcomeSentAt)), query, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/relations", async ([AsParameters] RelationQuery query, ListRelations handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.CustomersRead)
        .WithName("ListRelations")
        .WithSummary("Customers' relationships with staff, newest first (search, status and staff filters, paging)");
}
