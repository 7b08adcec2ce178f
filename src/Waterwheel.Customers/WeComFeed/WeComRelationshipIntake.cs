using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Relationships;
using Waterwheel.Customers.Timeline;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Customers.WeComFeed;

/// <summary>
/// Turns what the WeCom module announces into profiles: the contact's identifiers and description, the relationship
/// with its guide and store, who owns the customer, and a timeline line. Every step is an upsert keyed by the fact,
/// so an event delivered twice changes nothing the second time.
/// </summary>
internal sealed class WeComRelationshipIntake(CustomersDbContext db, IWeComDirectory wecom, IdentityLinks links, ProfileOwners owners)
{
    public const string Source = "wecom";

    public async Task Began(Guid tenantId, string externalUserId, string staffUserId, string? state, DateTime addedAt, TimelineKind kind, CancellationToken ct)
    {
        var contact = await wecom.Contact(tenantId, externalUserId, ct);
        var profile = await links.Resolve(tenantId,
            [new IdentifierClaim(IdentityType.WeComExternalUserId, externalUserId), new IdentifierClaim(IdentityType.UnionId, contact?.UnionId)],
            Source, ct);
        profile.Describe(contact?.Name, contact?.Avatar, (Gender)Math.Clamp(contact?.Gender ?? 0, 0, 2), addedAt);

        var relationship = await Relationship(externalUserId, staffUserId, ct);
        if (relationship is null)
        {
            relationship = new CustomerRelationship { TenantId = tenantId, ProfileId = profile.Id, ExternalUserId = externalUserId, StaffUserId = staffUserId };
            db.Relationships.Add(relationship);
        }
        var follower = contact?.Followers.FirstOrDefault(f => f.WeComUserId == staffUserId);
        relationship.ProfileId = profile.Id;
        relationship.StaffId = follower?.StaffId ?? relationship.StaffId;
        relationship.StoreId = follower?.StoreId ?? relationship.StoreId;
        relationship.State = state ?? relationship.State;
        relationship.AddedAt = addedAt;
        relationship.Status = RelationshipStatus.Active;
        relationship.EndedAt = null;

        await owners.Recompute(profile, ct);
        await Record(tenantId, profile.Id, kind, addedAt, staffUserId, state, $"wecom-add:{externalUserId}:{staffUserId}:{addedAt.Ticks}", ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task Ended(Guid tenantId, string externalUserId, string staffUserId, DateTime lostAt, CancellationToken ct)
    {
        var relationship = await Relationship(externalUserId, staffUserId, ct);
        // A loss of a relationship never announced (it began before Waterwheel was connected) has no profile to mark.
        if (relationship is null) return;
        if (relationship.Status == RelationshipStatus.Active && lostAt >= relationship.AddedAt)
        {
            relationship.Status = RelationshipStatus.Lost;
            relationship.EndedAt = lostAt;
        }
        var profile = await db.Profiles.SingleAsync(p => p.Id == relationship.ProfileId, ct);
        await owners.Recompute(profile, ct);
        await Record(tenantId, profile.Id, TimelineKind.WeComLost, lostAt, staffUserId, null, $"wecom-lost:{externalUserId}:{staffUserId}:{lostAt.Ticks}", ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<CustomerRelationship?> Relationship(string externalUserId, string staffUserId, CancellationToken ct) =>
        db.Relationships.Local.FirstOrDefault(r => r.ExternalUserId == externalUserId && r.StaffUserId == staffUserId)
        ?? await db.Relationships.FirstOrDefaultAsync(r => r.ExternalUserId == externalUserId && r.StaffUserId == staffUserId, ct);

    private async Task Record(Guid tenantId, Guid profileId, TimelineKind kind, DateTime at, string subject, string? detail, string sourceKey, CancellationToken ct)
    {
        if (await db.Timeline.AnyAsync(t => t.SourceKey == sourceKey, ct)) return;
        db.Timeline.Add(new TimelineEntry { TenantId = tenantId, ProfileId = profileId, Kind = kind, OccurredAt = at, Subject = subject, Detail = detail, SourceKey = sourceKey });
    }
}
