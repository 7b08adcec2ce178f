using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Lists;

namespace Waterwheel.WeCom.Groups;

public sealed record GroupDto(
    Guid Id, string ChatId, string Name, string OwnerUserId, string? OwnerName, string Notice, DateTime CreatedAt, int MemberCount,
    GroupStatus Status, DateTime? EndedAt);

public sealed record GroupQuery : PageQuery
{
    public GroupStatus? Status { get; set; }
    public string? OwnerUserId { get; set; }
}

/// <summary>
/// Customer groups with their owner and size: the rooms where group operations happen. A dealer, store or guide sees
/// the groups their staff own.
/// </summary>
internal sealed class ListGroups(WeComDbContext db, PeopleInView people)
{
    public async Task<Page<GroupDto>> Handle(GroupQuery query, CancellationToken ct) => await (await Rows(query, ct)).ToPage(page => page, query, ct);

    /// <summary>Every group the filter matches, in the list's order.</summary>
    public async Task<IQueryable<GroupDto>> Rows(GroupQuery query, CancellationToken ct)
    {
        var groups = db.Groups.AsNoTracking();
        if ((await people.Current(ct)).Staff is { } inScope) groups = groups.Where(g => inScope.Contains(g.OwnerUserId));
        var rows = from g in groups
                   join m in db.WeComMembers.AsNoTracking() on g.OwnerUserId equals m.UserId into owners
                   from m in owners.DefaultIfEmpty()
                   select new { g, OwnerName = m != null ? m.Name : null };
        if (query.Search is { } q) rows = rows.Where(x => x.g.Name.Contains(q) || x.g.ChatId == q || x.g.OwnerUserId == q || x.OwnerName == q);
        if (query.Status is { } status) rows = rows.Where(x => x.g.Status == status);
        if (!string.IsNullOrWhiteSpace(query.OwnerUserId)) rows = rows.Where(x => x.g.OwnerUserId == query.OwnerUserId);
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.g.Name).ThenBy(x => x.g.Id),
            ("name", true) => rows.OrderByDescending(x => x.g.Name).ThenBy(x => x.g.Id),
            ("members", false) => rows.OrderBy(x => x.g.MemberCount).ThenBy(x => x.g.Id),
            ("members", true) => rows.OrderByDescending(x => x.g.MemberCount).ThenBy(x => x.g.Id),
            ("createdat", false) => rows.OrderBy(x => x.g.CreatedAt).ThenBy(x => x.g.Id),
            _ => rows.OrderByDescending(x => x.g.CreatedAt).ThenByDescending(x => x.g.Id),
        };
        return ordered.Select(x => new GroupDto(x.g.Id, x.g.ChatId, x.g.Name, x.g.OwnerUserId, x.OwnerName, x.g.Notice,
            x.g.CreatedAt, x.g.MemberCount, x.g.Status, x.g.EndedAt));
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/groups", async ([AsParameters] GroupQuery query, ListGroups handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.CustomersRead)
            .WithName("ListGroups")
            .WithSummary("Customer groups in the viewer's scope with owner, member count and status (search, status and owner filters, paging)");

        api.MapGet("/groups/export", async ([AsParameters] GroupQuery query, string? format, ListGroups handler, ListFiles files, CancellationToken ct) =>
                await files.Groups(await handler.Rows(query, ct), format, query, ct))
            .RequireAuthorization(Permissions.CustomersRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportGroups")
            .WithSummary("The customer groups as CSV or xlsx (format), same filter and order (audited)");
    }
}
