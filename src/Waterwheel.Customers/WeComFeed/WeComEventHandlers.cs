using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Customers.WeComFeed;

/// <summary>A customer added a staff member: a profile with the relationship, or the relationship added to the profile.</summary>
internal sealed class WeComAddIntake(WeComRelationshipIntake intake) : IIntegrationEventHandler<CustomerAddedStaff>
{
    public Task Handle(CustomerAddedStaff e, CancellationToken ct) =>
        intake.Began(e.TenantId, e.ExternalUserId, e.StaffUserId, e.State, e.AddedAt, TimelineKind.WeComAdded, ct);
}

/// <summary>A full sync found a relationship no callback announced: the same profile work, recorded as found, not added.</summary>
internal sealed class WeComFoundIntake(WeComRelationshipIntake intake) : IIntegrationEventHandler<CustomerRelationFound>
{
    public Task Handle(CustomerRelationFound e, CancellationToken ct) =>
        intake.Began(e.TenantId, e.ExternalUserId, e.StaffUserId, e.State, e.AddedAt, TimelineKind.WeComFound, ct);
}

internal sealed class WeComLostIntake(WeComRelationshipIntake intake) : IIntegrationEventHandler<CustomerLost>
{
    public Task Handle(CustomerLost e, CancellationToken ct) => intake.Ended(e.TenantId, e.ExternalUserId, e.StaffUserId, e.LostAt, ct);
}
