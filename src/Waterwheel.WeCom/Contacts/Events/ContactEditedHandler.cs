using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts.Events;

/// <summary>Remark or tags changed in WeCom: the event carries only ids, so re-read the customer.</summary>
internal sealed class ContactEditedHandler(WeComDbContext db, ContactRefresh refresh) : WeComEventHandler<ExternalContactEdited>
{
    protected override async Task Handle(ExternalContactEdited edited, TenantCorp corp, CancellationToken ct)
    {
        await refresh.Relation(corp, edited.ExternalUserId, edited.UserId, ct);
        await db.SaveChangesAsync(ct);
    }
}
