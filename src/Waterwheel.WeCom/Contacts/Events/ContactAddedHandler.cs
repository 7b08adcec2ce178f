using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts.Events;

/// <summary>A customer added a staff member: store the customer and the relation with its channel, then welcome them once.</summary>
internal sealed class ContactAddedHandler(WeComDbContext db, ContactRefresh refresh, WelcomeSender welcome) : WeComEventHandler<ExternalContactAdded>
{
    protected override async Task Handle(ExternalContactAdded added, TenantCorp corp, CancellationToken ct)
    {
        var relation = await refresh.Relation(corp, added.ExternalUserId, added.UserId, ct);
        relation.State ??= added.State;
        await db.SaveChangesAsync(ct);
        await welcome.SendOnce(corp, relation, added.WelcomeCode, ct);
    }
}
