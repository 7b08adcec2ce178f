using Waterwheel.WeCom.Contacts;

namespace Waterwheel.WeCom.Groups;

public sealed record GroupMemberDto(
    string ChatId, string GroupName, string MemberId, string? Name, GroupMemberType Type, DateTime JoinedAt, int? JoinScene,
    string? InvitorUserId, string? State, DateTime? LeftAt, int? QuitScene, bool Hidden = false);

public sealed record GroupMemberQuery : PageQuery
{
    /// <summary>One group's members; without it, memberships across groups (search a customer to see their groups).</summary>
    public string? ChatId { get; set; }

    /// <summary>true: only current members; false: only those who left; absent: both.</summary>
    public bool? Current { get; set; }
    public GroupMemberType? Type { get; set; }
}

/// <summary>
/// Who is in a customer group, who left and how they came in: in the groups the viewer's scope owns. In a group of a
/// dealer's guide, head office sees the customers counted but not named (a dealer's customers belong to the dealer).
/// </summary>
internal sealed class ListGroupMembers(WeComDbContext db, PeopleInView people)
{
    public async Task<Page<GroupMemberDto>> Handle(GroupMemberQuery query, CancellationToken ct)
    {
        var view = await people.Current(ct);
        var (named, onlyNamed) = view.NamingRule;
        var everyone = view.HidesEveryone;
        var groups = db.Groups.AsNoTracking();
        if (view.Staff is { } inScope) groups = groups.Where(g => inScope.Contains(g.OwnerUserId));
        var rows = from m in db.GroupMembers.AsNoTracking()
                   join g in groups on m.ChatId equals g.ChatId
                   join s in db.WeComMembers.AsNoTracking() on m.MemberId equals s.UserId into staff
                   from s in staff.DefaultIfEmpty()
                   join c in db.Contacts.AsNoTracking() on m.MemberId equals c.ExternalUserId into customers
                   from c in customers.DefaultIfEmpty()
                   let isHidden = m.Type == GroupMemberType.Customer && (everyone || (onlyNamed && !named.Contains(g.OwnerUserId)))
                   select new
                   {
                       m, GroupName = g.Name, Hidden = isHidden, MemberId = isHidden ? "" : m.MemberId,
                       Name = isHidden ? null : s != null ? s.Name : c != null ? c.Name : null,
                   };
        if (!string.IsNullOrWhiteSpace(query.ChatId)) rows = rows.Where(x => x.m.ChatId == query.ChatId);
        if (query.Search is { } q) rows = rows.Where(x => (!x.Hidden && x.m.MemberId == q) || (x.Name != null && x.Name.Contains(q)));
        if (query.Current is { } current) rows = current ? rows.Where(x => x.m.LeftAt == null) : rows.Where(x => x.m.LeftAt != null);
        if (query.Type is { } type) rows = rows.Where(x => x.m.Type == type);
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.Name).ThenBy(x => x.m.MemberId),
            ("name", true) => rows.OrderByDescending(x => x.Name).ThenBy(x => x.m.MemberId),
            ("joinedat", true) => rows.OrderByDescending(x => x.m.JoinedAt).ThenBy(x => x.m.MemberId),
            _ => rows.OrderBy(x => x.m.JoinedAt).ThenBy(x => x.m.MemberId),
        };
        return await ordered.ToPage(page => page.Select(x => new GroupMemberDto(x.m.ChatId, x.GroupName, x.MemberId, x.Name, x.m.Type, x.m.JoinedAt,
            x.m.JoinScene, x.m.InvitorUserId, x.m.State, x.m.LeftAt, x.m.QuitScene, x.Hidden)), query, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/group-members", async ([AsParameters] GroupMemberQuery query, ListGroupMembers handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.CustomersRead)
        .WithName("ListGroupMembers")
        .WithSummary("Customer group members, current and former, with how and when they joined or left (group, search, paging)");
}
