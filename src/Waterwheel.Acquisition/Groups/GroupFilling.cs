using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// A customer group changed (someone joined or left, or WeCom opened a room): the group codes that hold it are brought
/// in line at once, since this join may have filled a group. A new group no code holds may be a room WeCom just opened
/// for a code whose groups are all full, so such codes look at their way. A code another node holds past the wait is
/// left to the inbox's retry.
/// </summary>
internal sealed class GroupFilling(AcquisitionDbContext db, GroupCodeSync sync, ILogger<GroupFilling> log) : IIntegrationEventHandler<CustomerGroupChanged>
{
    public async Task Handle(CustomerGroupChanged changed, CancellationToken ct)
    {
        // A brand has a handful of group codes; their chat lists are JSON, so they are matched here rather than in SQL.
        var codes = await db.GroupCodes.AsNoTracking().Where(c => c.Status == LiveCodeStatus.Active).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ChatIds, c.AutoCreateRoom }).ToListAsync(ct);
        var holding = codes.Where(c => c.ChatIds.Contains(changed.ChatId)).ToList();
        if (holding.Count == 0 && changed.New) holding = codes.Where(c => c.AutoCreateRoom).ToList();
        foreach (var code in holding)
        {
            var outcome = await sync.Refresh(code.Id, ct);
            if (outcome == GroupCodeSync.Busy) throw new TimeoutException($"Group code {code.Id} is being brought in line by another node; trying again.");
            if (!outcome.IsDone) log.LogWarning("Group code {CodeId}: WeCom answered {Status}; the upkeep tries again", code.Id, outcome.Status);
        }
    }
}
