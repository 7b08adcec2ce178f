using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Arrivals;

/// <summary>
/// A customer deleted a staff member: the arrival that began that relationship ends, so the funnel counts who stayed.
/// The add and the loss share the customer's inbox partition and arrive in order, so the arrival is already recorded;
/// a loss with no open arrival (not one of our codes, or already ended by an earlier delivery) changes nothing, and
/// nothing here throws to wait.
/// </summary>
internal sealed class ArrivalEnds(AcquisitionDbContext db) : IIntegrationEventHandler<CustomerLost>
{
    public async Task Handle(CustomerLost lost, CancellationToken ct)
    {
        var at = DateTime.SpecifyKind(lost.LostAt, DateTimeKind.Utc);
        var arrival = await db.Arrivals
            .Where(a => a.ExternalUserId == lost.ExternalUserId && a.StaffUserId == lost.StaffUserId && a.EndedAt == null && a.At <= at)
            .OrderByDescending(a => a.At).FirstOrDefaultAsync(ct);
        if (arrival is null) return;
        arrival.EndedAt = at;
        await db.SaveChangesAsync(ct);
    }
}
