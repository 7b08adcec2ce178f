using Waterwheel.WeCom.Lists;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// One relationship as the list shows it. <paramref name="Hidden"/>: a dealer's customer that head office sees counted
/// but not named, so <paramref name="CustomerName"/> and <paramref name="ExternalUserId"/> are empty.
/// </summary>
public sealed record RelationDto(
    Guid Id, string ExternalUserId, string CustomerName, int CustomerType, string StaffUserId, string? State, int AddWay,
    DateTime AddedAt, RelationStatus Status, DateTime? EndedAt, DateTime? WelcomeSentAt, bool Hidden = false);

public sealed record RelationQuery : PageQuery
{
    public RelationStatus? Status { get; set; }
    public string? StaffUserId { get; set; }
}

/// <summary>
/// Customers' WeCom relationships with staff, newest first: who came, through which channel, to whom. A dealer, store
/// or guide sees the relationships of the staff in their scope; head office sees all, dealers' customers unnamed.
/// </summary>
internal sealed class ListRelations(WeComDbContext db, PeopleInView people)
{
    public async Task<Page<RelationDto>> Handle(RelationQuery query, CancellationToken ct) =>
        await (await Rows(query, ct)).ToPage(page => page, query, ct);

    /// <summary>Every relationship the filter matches, in the list's order.</summary>
    public async Task<IQueryable<RelationDto>> Rows(RelationQuery query, CancellationToken ct)
    {
        var view = await people.Current(ct);
        var (named, onlyNamed) = view.NamingRule;
        var everyone = view.HidesEveryone;
        var relations = db.Relations.AsNoTracking();
        if (view.Staff is { } staff) relations = relations.Where(r => staff.Contains(r.StaffUserId));
        var rows = from r in relations
                   join c in db.Contacts.AsNoTracking() on r.ExternalUserId equals c.ExternalUserId into contacts
                   from c in contacts.DefaultIfEmpty()
                   let isHidden = everyone || (onlyNamed && !named.Contains(r.StaffUserId))
                   select new { r, Hidden = isHidden, Name = isHidden || c == null ? "" : c.Name, Type = c != null ? c.Type : 0 };
        // A hidden customer is found by guide or channel, never by their name or id.
        if (query.Search is { } q)
            rows = rows.Where(x => x.Name.Contains(q) || x.r.State == q || x.r.StaffUserId == q || (!x.Hidden && x.r.ExternalUserId == q));
        if (query.Status is { } status) rows = rows.Where(x => x.r.Status == status);
        if (!string.IsNullOrWhiteSpace(query.StaffUserId)) rows = rows.Where(x => x.r.StaffUserId == query.StaffUserId);
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.Name).ThenBy(x => x.r.Id),
            ("name", true) => rows.OrderByDescending(x => x.Name).ThenBy(x => x.r.Id),
            ("addedat", false) => rows.OrderBy(x => x.r.AddedAt).ThenBy(x => x.r.Id),
            _ => rows.OrderByDescending(x => x.r.AddedAt).ThenByDescending(x => x.r.Id),
        };
        return ordered.Select(x => new RelationDto(x.r.Id, x.Hidden ? "" : x.r.ExternalUserId, x.Name, x.Type, x.r.StaffUserId,
            x.r.State, x.r.AddWay, x.r.AddedAt, x.r.Status, x.r.EndedAt, x.r.WelcomeSentAt, x.Hidden));
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/relations", async ([AsParameters] RelationQuery query, ListRelations handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.CustomersRead)
            .WithName("ListRelations")
            .WithSummary("Customers' relationships with staff in the viewer's scope, newest first (search, status and staff filters, paging)");

        api.MapGet("/relations/export", async ([AsParameters] RelationQuery query, string? format, ListRelations handler, ListFiles files, CancellationToken ct) =>
                await files.Relations(await handler.Rows(query, ct), format, query, ct))
            .RequireAuthorization(Permissions.CustomersRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportRelations")
            .WithSummary("The new-customers list as CSV or xlsx (format), same filter and order, guides and stores by name (audited)");
    }
}
