using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Privacy;

/// <summary>
/// Erases a person at their request (PIPL art. 47): their identifiers are destroyed, their description blanked, their
/// timeline keeps only what happened and when (an order's amount still counts in sales), and every other module hears of
/// it through <see cref="PersonErased"/> in the same transaction. Only someone who may see the person may erase them.
/// WeCom's own copy of the contact belongs to the corp: if the guide keeps the person as a contact, WeCom will report them
/// again at the next sync, and they come back as a new profile.
/// </summary>
internal sealed class ErasePerson(CustomersDbContext db, ProfileVisibility visibility, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<ProfileRow>> Handle(Guid profileId, CancellationToken ct)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null || !await visibility.ShowsPerson(profile.OwnerDealerId, ct)) return Error.NotFound("Customer");
        var now = time.GetUtcNow().UtcDateTime;
        if (profile.ErasedAt is null)
        {
            var identities = await db.Identities.Where(i => i.ProfileId == profileId).ToListAsync(ct);
            var relationships = await db.Relationships.Where(r => r.ProfileId == profileId).ToListAsync(ct);
            var told = identities.Where(i => !i.Type.IsPersonalData()).Select(i => new ErasedIdentifier(Kind(i.Type), i.Key))
                .Concat(relationships.Select(r => new ErasedIdentifier(PersonErased.WeComExternalUserId, r.ExternalUserId)))
                .Distinct().ToList();
            db.Identities.RemoveRange(identities);
            // The relationship rows stay for the store's and guide's counts, under a name that identifies no one.
            foreach (var r in relationships) r.ExternalUserId = $"erased-{r.Id:N}";
            // What happened and when stays (an event's name, a page's name, an order's amount); what it said about the person goes.
            foreach (var line in await db.Timeline.Where(t => t.ProfileId == profileId).ToListAsync(ct))
            {
                line.Properties = null;
                // Source keys name the fact by the contact's id; the line keeps a key that names nothing.
                line.SourceKey = $"erased:{line.Id:N}";
                if (line.Kind is not (TimelineKind.Tracked or TimelineKind.PageViewed or TimelineKind.ScreenViewed)) line.Subject = null;
            }
            // Consent records stay as counts of grants and withdrawals per channel, linked to no one and backed by nothing personal.
            foreach (var record in await db.Consents.Where(c => c.ProfileId == profileId).ToListAsync(ct))
                (record.ProfileId, record.Evidence) = (null, null);
            (profile.Name, profile.AvatarUrl, profile.Gender, profile.ErasedAt, profile.UpdatedAt) = ("", null, Gender.Unknown, now, now);
            (profile.Birthday, profile.Province, profile.City, profile.Attributes) = (null, null, null, null);
            db.Publish(new PersonErased(profile.TenantId, profileId, told, now), now);
            await db.SaveChangesAsync(ct);
            await audit.RecordNowAsync(AuditActions.PersonErased, "customer_profile", profileId.ToString(), "personal data erased at the person's request", ct);
        }
        return new ProfileRow(profile.Id, "", null, Gender.Unknown, null, null, profile.OwnerDealerId is not null, false, profile.FirstSeenAt,
            profile.LastSeenAt, true);
    }

    private static string Kind(IdentityType type) => type switch
    {
        IdentityType.WeComExternalUserId => PersonErased.WeComExternalUserId,
        IdentityType.UnionId => "unionid",
        _ => type.ToString(),
    };

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/profiles/{id:guid}/erasure", async (Guid id, ErasePerson handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .RequireAuthorization(Permissions.PiiReveal)
        .WithName("EraseCustomer")
        .WithSummary("Erase a customer at their request: identifiers destroyed, description blanked, every module told (audited)");
}
