using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Alerts;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Contacts.Events;

/// <summary>The staff member deleted the customer (or a transfer moved them away).</summary>
internal sealed class StaffRemovedCustomerHandler(WeComDbContext db, RelationEnding ending) : WeComEventHandler<ExternalContactDeletedByStaff>
{
    protected override async Task Handle(ExternalContactDeletedByStaff removed, TenantCorp corp, CancellationToken ct)
    {
        await ending.End(corp.TenantId, removed.ExternalUserId, removed.UserId, RelationStatus.RemovedByStaff, ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// The customer deleted the staff member: the relationship is lost. The relation ends, operators get a loss alert,
/// and other modules hear of it, all in one transaction, so a redelivered event repeats none of them.
/// </summary>
internal sealed class CustomerRemovedStaffHandler(WeComDbContext db, RelationEnding ending, ILogger<CustomerRemovedStaffHandler> log)
    : WeComEventHandler<FollowUserDeleted>
{
    protected override async Task Handle(FollowUserDeleted lost, TenantCorp corp, CancellationToken ct)
    {
        var relation = await ending.End(corp.TenantId, lost.ExternalUserId, lost.UserId, RelationStatus.RemovedByCustomer, ct);
        if (relation is null) return;
        var lostAt = relation.EndedAt!.Value;
        db.RelationAlerts.Add(new RelationAlert
        {
            TenantId = corp.TenantId, Kind = RelationAlertKind.CustomerDeletedStaff, EventKey = lost.DedupeKey,
            ExternalUserId = lost.ExternalUserId, StaffUserId = lost.UserId, State = relation.State,
            RelationStartedAt = relation.AddedAt == default ? null : relation.AddedAt, OccurredAt = lostAt,
        });
        db.Publish(new CustomerLost(corp.TenantId, lost.ExternalUserId, lost.UserId, lostAt), lostAt);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Customer {ExternalUserId} removed staff {UserId} in tenant {TenantId}", lost.ExternalUserId, lost.UserId, corp.TenantId);
    }
}
