using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Alerts;

public sealed record RelationAlertDto(
    Guid Id, RelationAlertKind Kind, RelationAlertStatus Status, string ExternalUserId, string CustomerName, string StaffUserId,
    string? StaffName, string? StoreName, string? State, DateTime? RelationStartedAt, DateTime OccurredAt, string? Detail,
    DateTime? HandledAt, string? HandledBy, string? Note, int Version)
{
    internal static RelationAlertDto From(RelationAlert a, string customerName, StaffRef? staff) =>
        new(a.Id, a.Kind, a.Status, a.ExternalUserId, customerName, a.StaffUserId, staff?.Name, staff?.StoreName, a.State, a.RelationStartedAt,
            a.OccurredAt, a.Detail, a.HandledAt, a.HandledBy, a.Note, a.Version);
}

public sealed record RelationAlertQuery : PageQuery
{
    public RelationAlertKind? Kind { get; set; }
    public RelationAlertStatus? Status { get; set; }
    public string? StaffUserId { get; set; }
}

/// <summary>Lost customers and failed transfers for operators to follow up, newest first, with who and where.</summary>
internal sealed class ListRelationAlerts(WeComDbContext db, IOrganisationDirectory directory, ActorContext actor)
{
    public async Task<Page<RelationAlertDto>> Handle(RelationAlertQuery query, CancellationToken ct)
    {
        var rows = from a in db.RelationAlerts.AsNoTracking()
                   join c in db.Contacts.AsNoTracking() on a.ExternalUserId equals c.ExternalUserId into contacts
                   from c in contacts.DefaultIfEmpty()
                   select new { a, Name = c != null ? c.Name : "" };
        if (query.Search is { } q) rows = rows.Where(x => x.Name.Contains(q) || x.a.StaffUserId == q || x.a.ExternalUserId == q || x.a.State == q);
        if (query.Kind is { } kind) rows = rows.Where(x => x.a.Kind == kind);
        if (query.Status is { } status) rows = rows.Where(x => x.a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.StaffUserId)) rows = rows.Where(x => x.a.StaffUserId == query.StaffUserId);
        var ordered = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(x => x.Name),
            ("name", true) => rows.OrderByDescending(x => x.Name),
            ("occurredat", false) => rows.OrderBy(x => x.a.OccurredAt),
            _ => rows.OrderByDescending(x => x.a.OccurredAt).ThenByDescending(x => x.a.Id),
        };
        var page = await ordered.ToPage(p => p.Select(x => new { x.a, x.Name }), query, ct);

        // Staff names and stores live in the Platform module: ask its directory rather than joining its tables.
        var staff = (await directory.WeComStaff(actor.TenantId!.Value, ct)).ToDictionary(s => s.WeComUserId);
        return new Page<RelationAlertDto>(page.Items.Select(x => RelationAlertDto.From(x.a, x.Name, staff.GetValueOrDefault(x.a.StaffUserId))).ToList(),
            page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/relation-alerts", async ([AsParameters] RelationAlertQuery query, ListRelationAlerts handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.CustomersRead)
        .WithName("ListRelationAlerts")
        .WithSummary("Lost customers and failed transfers to follow up (kind, status and staff filters, search, paging)");
}
