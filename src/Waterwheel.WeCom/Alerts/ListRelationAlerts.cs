using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Lists;

namespace Waterwheel.WeCom.Alerts;

public sealed record RelationAlertDto(
    Guid Id, RelationAlertKind Kind, RelationAlertStatus Status, string ExternalUserId, string CustomerName, string StaffUserId,
    string? StaffName, string? StoreName, string? State, DateTime? RelationStartedAt, DateTime OccurredAt, string? Detail,
    DateTime? HandledAt, string? HandledBy, string? Note, int Version, bool Hidden = false)
{
    internal static RelationAlertDto From(RelationAlert a, string customerName, StaffRef? staff, bool hidden = false) =>
        new(a.Id, a.Kind, a.Status, hidden ? "" : a.ExternalUserId, customerName, a.StaffUserId, staff?.Name, staff?.StoreName, a.State, a.RelationStartedAt,
            a.OccurredAt, a.Detail, a.HandledAt, a.HandledBy, a.Note, a.Version, hidden);
}

public sealed record RelationAlertQuery : PageQuery
{
    public RelationAlertKind? Kind { get; set; }
    public RelationAlertStatus? Status { get; set; }
    public string? StaffUserId { get; set; }
}

/// <summary>
/// Lost customers and failed transfers for operators to follow up, newest first, with who and where: the alerts of the
/// staff in the viewer's scope, dealers' customers unnamed for head office (as in the relationships list).
/// </summary>
internal sealed class ListRelationAlerts(WeComDbContext db, IOrganisationDirectory directory, ActorContext actor, PeopleInView people)
{
    public async Task<Page<RelationAlertDto>> Handle(RelationAlertQuery query, CancellationToken ct)
    {
        var page = await (await Rows(query, ct)).ToPage(p => p, query, ct);
        return new Page<RelationAlertDto>(await Named(page.Items, ct), page.Total, page.PageNumber, page.PageSize);
    }

    /// <summary>Every alert the filter matches, in the list's order, named; refused above the export's limit.</summary>
    public async Task<Result<List<RelationAlertDto>>> All(RelationAlertQuery query, CancellationToken ct)
    {
        var rows = await ListExport.ReadAll(await Rows(query, ct), ct);
        return rows.IsSuccess ? await Named(rows.Value!, ct) : rows.Error!;
    }

    private async Task<IQueryable<AlertRow>> Rows(RelationAlertQuery query, CancellationToken ct)
    {
        var view = await people.Current(ct);
        var (named, onlyNamed) = view.NamingRule;
        var everyone = view.HidesEveryone;
        var alerts = db.RelationAlerts.AsNoTracking();
        if (view.Staff is { } inScope) alerts = alerts.Where(a => inScope.Contains(a.StaffUserId));
        var rows = from a in alerts
                   join c in db.Contacts.AsNoTracking() on a.ExternalUserId equals c.ExternalUserId into contacts
                   from c in contacts.DefaultIfEmpty()
                   let isHidden = everyone || (onlyNamed && !named.Contains(a.StaffUserId))
                   select new AlertRow { Alert = a, Name = isHidden || c == null ? "" : c.Name, Hidden = isHidden };
        if (query.Search is { } q)
            rows = rows.Where(x => x.Name.Contains(q) || x.Alert.StaffUserId == q || (!x.Hidden && x.Alert.ExternalUserId == q) || x.Alert.State == q);
        if (query.Kind is { } kind) rows = rows.Where(x => x.Alert.Kind == kind);
        if (query.Status is { } status) rows = rows.Where(x => x.Alert.Status == status);
        if (!string.IsNullOrWhiteSpace(query.StaffUserId)) rows = rows.Where(x => x.Alert.StaffUserId == query.StaffUserId);
        return (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.Name).ThenBy(x => x.Alert.Id),
            ("name", true) => rows.OrderByDescending(x => x.Name).ThenBy(x => x.Alert.Id),
            ("occurredat", false) => rows.OrderBy(x => x.Alert.OccurredAt).ThenBy(x => x.Alert.Id),
            _ => rows.OrderByDescending(x => x.Alert.OccurredAt).ThenByDescending(x => x.Alert.Id),
        };
    }

    // Staff names and stores live in the Platform module: ask its directory rather than joining its tables.
    private async Task<List<RelationAlertDto>> Named(IReadOnlyList<AlertRow> rows, CancellationToken ct)
    {
        var staff = (await directory.WeComStaff(actor.TenantId!.Value, ct)).GroupBy(s => s.WeComUserId).ToDictionary(g => g.Key, g => g.First());
        return [.. rows.Select(x => RelationAlertDto.From(x.Alert, x.Name, staff.GetValueOrDefault(x.Alert.StaffUserId), x.Hidden))];
    }

    // Member initialisation, not a constructor, so that the database can filter and order on its members.
    internal sealed class AlertRow
    {
        public required RelationAlert Alert { get; init; }
        public required string Name { get; init; }
        public required bool Hidden { get; init; }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/relation-alerts", async ([AsParameters] RelationAlertQuery query, ListRelationAlerts handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.CustomersRead)
            .WithName("ListRelationAlerts")
            .WithSummary("Lost customers and failed transfers to follow up, in the viewer's scope (kind, status and staff filters, search, paging)");

        api.MapGet("/relation-alerts/export", async ([AsParameters] RelationAlertQuery query, string? format, ListRelationAlerts handler, ListFiles files,
                CancellationToken ct) =>
            {
                var rows = await handler.All(query, ct);
                return rows.IsSuccess ? await files.Alerts(rows.Value!, format, query, ct) : rows.Error!.ToProblem();
            })
            .RequireAuthorization(Permissions.CustomersRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportRelationAlerts")
            .WithSummary("The relation alerts as CSV or xlsx (format), same filter and order, with follow-up notes (audited)");
    }
}
