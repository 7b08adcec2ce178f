using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Pools;
using Waterwheel.Audiences.Contracts;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Arrivals;

/// <summary>
/// A customer added a staff member through one of our codes: record the arrival once (the add's time is in its key),
/// bring the code's pool in line at once (this add may have filled someone's cap), then give the code's tags. Until
/// the Customers module has taken the same add in, tagging cannot find the customer; the arrival then stays untagged
/// and <see cref="PendingTags"/> gives the tags later. Throwing for the inbox to retry would be worse: the Customers
/// module's delivery of this very event sits in the same partition (the customer), and a failing message holds back
/// the ones behind it, so the two would wait for each other until the retries ran out (ADR 15).
/// </summary>
internal sealed class ArrivalIntake(AcquisitionDbContext db, PoolSync pools, ICustomerTagging tagging, Cards.CardArrivals cards, TimeProvider time,
    ILogger<ArrivalIntake> log)
    : IIntegrationEventHandler<CustomerAddedStaff>
{
    public async Task Handle(CustomerAddedStaff added, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(added.State)) return;
        var code = await Routing.CodeByState.Find(db, added.State, ct);
        if (code is null) return;
        var arrival = await Record(code, added, ct);
        await cards.Link(added, ct);
        var synced = await pools.Refresh(code, ct);
        if (!synced.IsDone) log.LogWarning("Live code {CodeId} pool not updated after an add: {Status}", code.Id, synced.Status);
        if (arrival.TaggedAt is not null) return;
        if (await PendingTags.Give(tagging, arrival, code, time, ct)) await db.SaveChangesAsync(ct);
    }

    /// <summary>The arrival of this add, new or recorded by an earlier delivery; a concurrent delivery that saved first makes this one throw, to be retried.</summary>
    private async Task<Arrival> Record(LiveCode code, CustomerAddedStaff added, CancellationToken ct)
    {
        var at = DateTime.SpecifyKind(added.AddedAt, DateTimeKind.Utc);
        var existing = await db.Arrivals.FirstOrDefaultAsync(a => a.ExternalUserId == added.ExternalUserId && a.StaffUserId == added.StaffUserId && a.At == at, ct);
        if (existing is not null) return existing;
        var arrival = new Arrival
        {
            TenantId = code.TenantId, CodeId = code.Id, ChannelId = code.ChannelId, StaffUserId = added.StaffUserId, ExternalUserId = added.ExternalUserId,
            At = at, Day = await pools.DayOf(at, ct),
        };
        db.Arrivals.Add(arrival);
        // Another delivery saved the same arrival first (409): the next delivery finds it.
        if (await db.SaveOrStale(ct) is { } lost) throw new ArrivalRaceException(lost.Code);
        await pools.Routed(code, code.LiveUserIds, added.StaffUserId, ct);
        return arrival;
    }
}

/// <summary>A concurrent delivery or edit won the save; the inbox retries the event.</summary>
internal sealed class ArrivalRaceException(string code) : Exception($"Recording the arrival lost a race ({code}); it is retried.");
