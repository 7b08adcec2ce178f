using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts.Events;

/// <summary>The staff member deleted the customer (or a transfer moved them away).</summary>
internal sealed class StaffRemovedCustomerHandler(RelationEnding ending) : WeComEventHandler<ExternalContactDeletedByStaff>
{
    protected override Task Handle(ExternalContactDeletedByStaff removed, TenantCorp corp, CancellationToken ct) =>
        ending.End(corp.TenantId, removed.ExternalUserId, removed.UserId, RelationStatus.RemovedByStaff, ct);
}

/// <summary>The customer deleted the staff member: the relationship is lost.</summary>
internal sealed class CustomerRemovedStaffHandler(RelationEnding ending, ILogger<CustomerRemovedStaffHandler> log) : WeComEventHandler<FollowUserDeleted>
{
    protected override Task Handle(FollowUserDeleted lost, TenantCorp corp, CancellationToken ct)
    {
        log.LogInformation("Customer {ExternalUserId} removed staff {UserId} in tenant {TenantId}", lost.ExternalUserId, lost.UserId, corp.TenantId);
        return ending.End(corp.TenantId, lost.ExternalUserId, lost.UserId, RelationStatus.RemovedByCustomer, ct);
    }
}
