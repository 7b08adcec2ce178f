using System.Text.Json.Nodes;
using Waterwheel.Customers.Consent;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Customers.Privacy;

/// <summary>Everything held about one person, as the data subject may ask for it (PIPL art. 45): identifiers in clear.</summary>
public sealed record PersonalDataExport(
    Guid ProfileId, DateTime ExportedAt, object Profile, IReadOnlyList<object> Identities, IReadOnlyList<object> Relationships,
    IReadOnlyList<object> Timeline, IReadOnlyList<object> Consents);

/// <summary>
/// A data subject's copy of their data. Only for someone who may see the person and reveal personal data; head office
/// never exports a dealer's customer, whom it may not see. Every export is audited, by profile id only.
/// </summary>
internal sealed class ExportPersonalData(CustomersDbContext db, ProfileVisibility visibility, IdentityKeys keys, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<PersonalDataExport>> Handle(Guid profileId, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null || !await visibility.ShowsPerson(profile.OwnerDealerId, ct)) return Error.NotFound("Customer");
        var identities = await db.Identities.AsNoTracking().Where(i => i.ProfileId == profileId).OrderBy(i => i.LinkedAt).ToListAsync(ct);
        var relationships = await db.Relationships.AsNoTracking().Where(r => r.ProfileId == profileId).OrderBy(r => r.AddedAt).ToListAsync(ct);
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.ProfileId == profileId).OrderBy(t => t.OccurredAt).ToListAsync(ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.ProfileId == profileId).ToListAsync(ct);
        await audit.RecordNowAsync(AuditActions.Exported, "customer_profile", profileId.ToString(), "personal data export (data subject request)", ct);
        return new PersonalDataExport(profileId, time.GetUtcNow().UtcDateTime,
            new
            {
                profile.Name, profile.AvatarUrl, profile.Gender, profile.Birthday, profile.Province, profile.City,
                Attributes = Attributes.AttributeValues.Read(profile.Attributes), profile.FirstSeenAt, profile.LastSeenAt, profile.OrderCount, profile.TotalSpent,
            },
            identities.Select(i => (object)new { i.Type, Value = keys.Reveal(i), i.Source, i.LinkedAt }).ToList(),
            relationships.Select(r => (object)new { r.ExternalUserId, r.StaffUserId, r.State, r.AddedAt, r.Status, r.EndedAt }).ToList(),
            timeline.Select(t => (object)new
            {
                t.OccurredAt, t.Kind, t.Subject, t.Detail, t.Amount,
                Properties = t.Properties is null ? null : JsonNode.Parse(t.Properties),
            }).ToList(),
            // Every grant and withdrawal, oldest first, with the channel named as the person reads it.
            consents.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => (object)new
            {
                c.Channel, ChannelName = c.Channel.ChineseName(), c.Granted, c.Source, c.At, c.Evidence,
            }).ToList());
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}/personal-data", async (Guid id, ExportPersonalData handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.PiiReveal)
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ExportCustomerPersonalData")
        .WithSummary("Everything held about one customer, identifiers in clear, for a data subject's request (audited)");
}
