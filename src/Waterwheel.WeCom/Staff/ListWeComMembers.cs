using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Staff;

public sealed record WeComMemberDto(
    string UserId, string Name, IReadOnlyList<long> DepartmentIds, string? Position, int Status, bool CanFollow, bool Removed,
    Guid? StaffId, string? StaffName, string? StoreName)
{
    public bool Linked => StaffId is not null;
}

public sealed record WeComMemberQuery : PageQuery
{
    /// <summary>true: only members a platform staff record points at; false: only the ones none does.</summary>
    public bool? Linked { get; set; }
    public bool? IncludeRemoved { get; set; }
}

/// <summary>
/// The corp's WeCom members, each with the platform staff member it belongs to. An unlinked member's customers and
/// groups cannot be attributed to a store or guide until someone enters that userid on the staff record.
/// </summary>
internal sealed class ListWeComMembers(WeComDbContext db, IOrganisationDirectory directory, ActorContext actor)
{
    public async Task<Page<WeComMemberDto>> Handle(WeComMemberQuery query, CancellationToken ct)
    {
        var (ordered, staff) = await Rows(query, ct);
        var page = await ordered.ToPage(p => p, query, ct);
        return new Page<WeComMemberDto>([.. page.Items.Select(m => Dto(m, staff))], page.Total, page.PageNumber, page.PageSize);
    }

    /// <summary>Every member the filter matches, in the list's order; refused above the export's limit.</summary>
    public async Task<Result<List<WeComMemberDto>>> All(WeComMemberQuery query, CancellationToken ct)
    {
        var (ordered, staff) = await Rows(query, ct);
        var rows = await ListExport.ReadAll(ordered, ct);
        return rows.IsSuccess ? rows.Value!.Select(m => Dto(m, staff)).ToList() : rows.Error!;
    }

    private static WeComMemberDto Dto(WeComMember m, Dictionary<string, StaffRef> staff)
    {
        var s = staff.GetValueOrDefault(m.UserId);
        return new WeComMemberDto(m.UserId, m.Name, m.DepartmentIds, m.Position, m.Status, m.CanFollow, m.Removed, s?.StaffId, s?.Name, s?.StoreName);
    }

    private async Task<(IQueryable<WeComMember> Ordered, Dictionary<string, StaffRef> Staff)> Rows(WeComMemberQuery query, CancellationToken ct)
    {
        var staff = (await directory.WeComStaff(actor.TenantId!.Value, ct)).GroupBy(s => s.WeComUserId).ToDictionary(g => g.Key, g => g.First());
        var linked = staff.Keys.ToList();
        var rows = db.WeComMembers.AsNoTracking();
        if (query.IncludeRemoved != true) rows = rows.Where(m => !m.Removed);
        if (query.Linked is { } isLinked) rows = isLinked ? rows.Where(m => linked.Contains(m.UserId)) : rows.Where(m => !linked.Contains(m.UserId));
        if (query.Search is { } q) rows = rows.Where(m => m.Name.Contains(q) || m.UserId.Contains(q) || (m.Position != null && m.Position.Contains(q)));
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", true) => rows.OrderByDescending(m => m.Name).ThenBy(m => m.UserId),
            ("userid", false) => rows.OrderBy(m => m.UserId),
            ("userid", true) => rows.OrderByDescending(m => m.UserId),
            _ => rows.OrderBy(m => m.Name).ThenBy(m => m.UserId),
        };
        return (ordered, staff);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/members", async ([AsParameters] WeComMemberQuery query, ListWeComMembers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.WeComManage)
            .WithName("ListWeComMembers")
            .WithSummary("The corp's WeCom members and which platform staff each is linked to (linked filter, search, paging)");

        api.MapGet("/members/export", async ([AsParameters] WeComMemberQuery query, string? format, ListWeComMembers handler, Lists.ListFiles files,
                CancellationToken ct) =>
            {
                var rows = await handler.All(query, ct);
                return rows.IsSuccess ? await files.Members(rows.Value!, format, query, ct) : rows.Error!.ToProblem();
            })
            .RequireAuthorization(Permissions.WeComManage)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportWeComMembers")
            .WithSummary("The corp's WeCom members as CSV or xlsx (format), with the staff record and store each is linked to (audited)");
    }
}
