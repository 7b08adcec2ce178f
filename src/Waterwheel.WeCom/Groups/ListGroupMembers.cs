namespace Waterwheel.WeCom.Groups;

public sealed record GroupMemberDto(
    string MemberId, string? Name, GroupMemberType Type, DateTime JoinedAt, int? JoinScene, string? InvitorUserId, string? State,
    DateTime? LeftAt, int? QuitScene);

public sealed record GroupMemberQuery : PageQuery
{
    /// <summary>true: only current members; false: only those who left; absent: both.</summary>
    public bool? Current { get; set; }
    public GroupMemberType? Type { get; set; }
}

/// <summary>Who is in a customer group, who left and how they came in.</summary>
internal sealed class ListGroupMembers(WeComDbContext db)
{
    public async Task<Result<Page<GroupMemberDto>>> Handle(string chatId, GroupMemberQuery query, CancellationToken ct)
    {
        if (!await db.Groups.AnyAsync(g => g.ChatId == chatId, ct)) return Error.NotFound("Group");
        var rows = from m in db.GroupMembers.AsNoTracking().Where(m => m.ChatId == chatId)
                   join s in db.WeComMembers.AsNoTracking() on m.MemberId equals s.UserId into staff
                   from s in staff.DefaultIfEmpty()
                   join c in db.Contacts.AsNoTracking() on m.MemberId equals c.ExternalUserId into customers
                   from c in customers.DefaultIfEmpty()
                   select new { m, Name = s != null ? s.Name : c != null ? c.Name : null };
        if (query.Search is { } q) rows = rows.Where(x => x.m.MemberId == q || (x.Name != null && x.Name.Contains(q)));
        if (query.Current is { } current) rows = current ? rows.Where(x => x.m.LeftAt == null) : rows.Where(x => x.m.LeftAt != null);
        if (query.Type is { } type) rows = rows.Where(x => x.m.Type == type);
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.Name).ThenBy(x => x.m.MemberId),
            ("name", true) => rows.OrderByDescending(x => x.Name).ThenBy(x => x.m.MemberId),
            ("joinedat", true) => rows.OrderByDescending(x => x.m.JoinedAt).ThenBy(x => x.m.MemberId),
            _ => rows.OrderBy(x => x.m.JoinedAt).ThenBy(x => x.m.MemberId),
        };
        return await ordered.ToPage(page => page.Select(x => new GroupMemberDto(x.m.MemberId, x.Name, x.m.Type, x.m.JoinedAt, x.m.JoinScene,
            x.m.InvitorUserId, x.m.State, x.m.LeftAt, x.m.QuitScene)), query, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/groups/{chatId}/members", async (string chatId, [AsParameters] GroupMemberQuery query, ListGroupMembers handler, CancellationToken ct) =>
            (await handler.Handle(chatId, query, ct)).ToOk())
        .RequireAuthorization(Permissions.CustomersRead)
        .WithSummary("A customer group's members, current and former, with how and when they joined or left");
}
