using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Jobs;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// Brings one group code's join way in line with its groups' member counts: full groups leave the way so the next
/// fills, and a room WeCom opened by itself joins the code. One node at a time per code (a cluster lock, ADR 8), and
/// it reads the code and the counts again under the lock, so an event handled on one node and the upkeep on another
/// never send WeCom a list that a newer count has overtaken.
/// </summary>
internal sealed class GroupCodeSync(AcquisitionDbContext db, IWeComJoinWays ways, IClusterLock locks)
{
    /// <summary>How often to look for the lock, 100 ms apart, while another node holds the code (for a WeCom call or two).</summary>
    private const int Tries = 100;

    public static ContactWayOutcome Busy { get; } = new(ContactWayStatus.Failed, "busy", Retryable: true);

    public async Task<ContactWayOutcome> Refresh(Guid codeId, CancellationToken ct)
    {
        await using var held = await Hold(codeId, ct);
        if (held is null) return Busy;
        var code = await db.GroupCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == codeId, ct);
        if (code is not { Status: LiveCodeStatus.Active } || code.ConfigId.Length == 0) return new ContactWayOutcome(ContactWayStatus.Done);
        var groups = await Groups(code, ct);
        var adopted = false;
        if (code.AutoCreateRoom && GroupFill.Full(code, groups))
        {
            // Only now can WeCom have opened a room: it does so when every group of the way is full.
            var way = await ways.Get(code.TenantId, code.ConfigId, ct);
            if (!way.IsDone) return way;
            var rooms = way.Value!.ChatIds.Where(id => !code.ChatIds.Contains(id)).ToList();
            if (rooms.Count > 0)
            {
                code.ChatIds = [.. code.ChatIds, .. rooms];
                groups = await Groups(code, ct);
                adopted = true;
            }
        }
        var plan = GroupFill.Plan(code, groups);
        if (!plan.SequenceEqual(code.LiveChatIds))
        {
            // The room counter stays WeCom's: sending ours would number the next room again.
            var updated = await ways.Update(code.TenantId, code.ConfigId, Spec(code, plan, withRoomCounter: false), ct);
            if (!updated.IsDone) return updated;
        }
        else if (!adopted) return new ContactWayOutcome(ContactWayStatus.Done);
        await Store(code.Id, code.ChatIds, plan, ct);
        return new ContactWayOutcome(ContactWayStatus.Done);
    }

    /// <summary>The code's groups as the WeCom module last saw them, by chat id.</summary>
    public async Task<Dictionary<string, CustomerGroupInfo>> Groups(GroupCode code, CancellationToken ct) =>
        (await ways.Groups(code.TenantId, code.ChatIds, ct)).ToDictionary(g => g.ChatId);

    public static JoinWaySpec Spec(GroupCode code, IReadOnlyList<string> chats, bool withRoomCounter) => new(
        chats, code.State, code.Name.Length <= 30 ? code.Name : code.Name[..30], code.AutoCreateRoom,
        code.AutoCreateRoom ? code.RoomBaseName : null, withRoomCounter && code.AutoCreateRoom ? code.RoomBaseId : null);

    /// <summary>Stored without moving the code's version: counts move with every join, and an operator's edit (If-Match) must not be refused for them.</summary>
    private Task Store(Guid codeId, List<string> chatIds, List<string> live, CancellationToken ct) =>
        db.Serialized(() => db.GroupCodes.Where(c => c.Id == codeId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ChatIds, chatIds).SetProperty(c => c.LiveChatIds, live), ct), ct);

    private async Task<ClusterLockHandle?> Hold(Guid codeId, CancellationToken ct)
    {
        for (var i = 0; i < Tries; i++)
        {
            if (await locks.TryAcquire($"acquisition.group-code:{codeId:N}", ct) is { } held) return held;
            await Task.Delay(100, ct);
        }
        return null;
    }
}
