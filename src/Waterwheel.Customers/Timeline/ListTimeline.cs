using Waterwheel.Platform.Tenancy;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Relationships;

namespace Waterwheel.Customers.Timeline;

/// <summary>A timeline line; SubjectName is the staff member's name when the subject is a linked WeCom userid.</summary>
public sealed record TimelineItem(Guid Id, DateTime OccurredAt, TimelineKind Kind, string? Subject, string? SubjectName, string? Detail);

public sealed record TimelineQuery : PageQuery
{
    public TimelineKind? Kind { get; set; }
}

/// <summary>A customer's timeline, newest first, filterable by kind; reached only through a profile the actor may see.</summary>
internal sealed class ListTimeline(CustomersDbContext db, ActorContext actor, OrganisationFacts organisation, ProfileVisibility visibility)
{
    public async Task<Result<Page<TimelineItem>>> Handle(Guid profileId, TimelineQuery query, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId).Select(p => new { p.OwnerDealerId }).FirstOrDefaultAsync(ct);
        if (profile is null) return Error.NotFound("Customer");
        var shown = await visibility.ShowsPerson(profile.OwnerDealerId, ct);
        var rows = db.Timeline.AsNoTracking().Where(t => t.ProfileId == profileId);
        if (query.Kind is { } kind) rows = rows.Where(t => t.Kind == kind);
        var page = await rows.OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id).ToPage(q => q, query, ct);
        var names = (await organisation.Staff(actor.TenantId ?? Guid.Empty, ct)).Values.ToDictionary(s => s.WeComUserId, s => s.Name);
        var items = page.Items.Select(t => new TimelineItem(t.Id, t.OccurredAt, t.Kind, shown ? t.Subject : null,
            shown && t.Subject is { } subject ? names.GetValueOrDefault(subject) : null, t.Detail)).ToList();
        return new Page<TimelineItem>(items, page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}/timeline", async (Guid id, [AsParameters] TimelineQuery query, ListTimeline handler, CancellationToken ct) =>
            (await handler.Handle(id, query, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerTimeline")
        .WithSummary("A customer's timeline, newest first (kind filter, paging)");
}
