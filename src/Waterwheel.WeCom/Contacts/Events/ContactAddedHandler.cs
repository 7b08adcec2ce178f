using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Contacts.Events;

/// <summary>
/// A customer added a staff member: store the customer and the relation with its channel, tell the other modules
/// (in the same transaction, so once), then welcome the customer once.
/// </summary>
internal sealed class ContactAddedHandler(WeComDbContext db, ContactRefresh refresh, WelcomeSender welcome, TimeProvider time) : WeComEventHandler<ExternalContactAdded>
{
    protected override async Task Handle(ExternalContactAdded added, TenantCorp corp, CancellationToken ct)
    {
        var relation = await refresh.Relation(corp, added.ExternalUserId, added.UserId, ct);
        if (relation is null)
        {
            // WeCom no longer lists the relationship: nothing began that others should hear of, and there is no one to welcome.
            await db.SaveChangesAsync(ct);
            return;
        }
        relation.State ??= added.State;
        if (relation.Status == RelationStatus.Active && relation.AnnouncedAddedAt != relation.AddedAt)
        {
            relation.AnnouncedAddedAt = relation.AddedAt;
            db.Publish(new CustomerAddedStaff(corp.TenantId, added.ExternalUserId, added.UserId, relation.State, relation.AddWay, relation.AddedAt,
                added.WithoutVerification), time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        await welcome.SendOnce(corp, relation, added.WelcomeCode, ct);
    }
}
