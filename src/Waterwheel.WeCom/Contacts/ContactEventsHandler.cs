using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Receiver;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// Turns stored customer-contact callbacks into the module's contacts and relations. Idempotent: the inbox may hand
/// the same event over twice after a crash, and the same customer may arrive again by a later event.
/// </summary>
internal sealed class ContactEventsHandler(
    WeComDbContext db, ActorContext actor, TenantCorps corps, ContactRefresh refresh, WelcomeSender welcome,
    TimeProvider time, ILogger<ContactEventsHandler> log) : IInboxHandler
{
    public string Source => CallbackEndpoints.InboxSource;

    public async Task HandleAsync(InboxEnvelope message, CancellationToken ct)
    {
        var tenantId = message.TenantId ?? throw new InvalidOperationException("A WeCom callback without a tenant.");
        actor.UseSystem(tenantId, "wecom");
        var corp = await corps.Find(tenantId, ct) ?? throw new InvalidOperationException("The tenant's WeCom connection is gone.");
        var parsed = WeComEventParser.Parse(message.Payload);
        if (!parsed.IsSuccess) throw new InvalidOperationException($"Stored callback no longer parses: {parsed.Error}");

        switch (parsed.Value)
        {
            case ExternalContactAdded added:
                var relation = await refresh.Relation(corp, added.ExternalUserId, added.UserId, ct);
                relation.State ??= added.State;
                await db.SaveChangesAsync(ct);
                await welcome.SendOnce(corp, relation, added.WelcomeCode, ct);
                break;
            case ExternalContactEdited edited:
                await refresh.Relation(corp, edited.ExternalUserId, edited.UserId, ct);
                await db.SaveChangesAsync(ct);
                break;
            case ExternalContactDeletedByStaff removed:
                await End(tenantId, removed.ExternalUserId, removed.UserId, RelationStatus.RemovedByStaff, ct);
                break;
            case FollowUserDeleted lost:
                // The customer deleted the guide: the loss alerts of Insights read these.
                log.LogInformation("Customer {ExternalUserId} removed staff {UserId} in tenant {TenantId}", lost.ExternalUserId, lost.UserId, tenantId);
                await End(tenantId, lost.ExternalUserId, lost.UserId, RelationStatus.RemovedByCustomer, ct);
                break;
            default:
                log.LogDebug("WeCom event {Event}/{ChangeType} has no handler yet", parsed.Value!.Header.Event, parsed.Value.Header.ChangeType);
                break;
        }
    }

    private async Task End(Guid tenantId, string externalUserId, string userId, RelationStatus status, CancellationToken ct)
    {
        var relation = await db.Relations.FirstOrDefaultAsync(r => r.ExternalUserId == externalUserId && r.StaffUserId == userId, ct);
        if (relation is null)
        {
            relation = new FollowRelation { TenantId = tenantId, ExternalUserId = externalUserId, StaffUserId = userId };
            db.Relations.Add(relation);
        }
        if (relation.Status != RelationStatus.Active && relation.EndedAt is not null) return;
        relation.Status = status;
        relation.EndedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
