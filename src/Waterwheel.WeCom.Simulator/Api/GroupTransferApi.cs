using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// Group succession: groupchat/transfer for groups whose owner left, groupchat/onjob_transfer for owners still
/// employed. The owner changes at once; failures are reported per group, not for the call.
/// </summary>
internal static class GroupTransferApi
{
    public const int PerOwnerPerDay = 300;
    public const int OnJobPerGroup = 2;
    public static readonly TimeSpan OnJobWindow = TimeSpan.FromDays(90);

    // The "day" of the per-owner cap is a natural day in China, where WeCom runs.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    // The spec names no errcodes for the two caps; 40128 is WeCom's own "transferred too often" (not confirmed here).
    private const int TooOften = TransferApi.TooFrequent;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/groupchat/transfer", (corp, r) => Transfer(corp, r, onJob: false));
        routes.Post("externalcontact/groupchat/onjob_transfer", (corp, r) => Transfer(corp, r, onJob: true));
    }

    private static Microsoft.AspNetCore.Http.IResult Transfer(SimCorp corp, SimRequest r, bool onJob)
    {
        var chats = r.Strings("chat_id_list") ?? [];
        if (chats.Count is 0 or > 100 || r.Str("new_owner") is not { Length: > 0 } newOwner) return SimJson.Error(SimErrors.InvalidParameter);
        if (corp.Staff.GetValueOrDefault(newOwner) is not { IsActive: true }) return SimJson.Error(46004);

        var failed = new List<Dictionary<string, object?>>();
        foreach (var chatId in chats)
        {
            var errcode = Move(corp, chatId, newOwner, r.Instant, onJob);
            if (errcode != 0)
                failed.Add(new() { ["chat_id"] = chatId, ["errcode"] = errcode, ["errmsg"] = SimErrors.Message(errcode) });
        }
        return SimJson.Ok(new() { ["failed_chat_list"] = failed });
    }

    private static int Move(SimCorp corp, string chatId, string newOwner, DateTimeOffset now, bool onJob)
    {
        if (!corp.Groups.TryGetValue(chatId, out var group)) return 40050;
        if (group.Owner == newOwner) return 90504;
        var ownerLeft = corp.Staff.GetValueOrDefault(group.Owner) is not { IsActive: true };
        if (onJob && ownerLeft) return 90502;
        if (!onJob && !ownerLeft) return group.Status == 3 ? 90508 : 90500;
        if (onJob && group.OnJobTransfers.Count(at => now - at < OnJobWindow) >= OnJobPerGroup) return TooOften;
        var today = (now + ChinaOffset).Date;
        if (corp.GroupTransfers.Count(t => t.OriginalOwner == group.Owner && (t.At + ChinaOffset).Date == today) >= PerOwnerPerDay) return TooOften;

        corp.GroupTransfers.Add(new SimGroupTransfer(chatId, group.Owner, newOwner, now, onJob));
        if (onJob) group.OnJobTransfers.Add(now);
        else group.Status = 3;
        group.Owner = newOwner;
        // The new owner joins the group if they were not in it; that is a member change, so the version moves.
        if (group.Members.All(m => m.Userid != newOwner))
        {
            group.Members.Add(new SimGroupMember { Userid = newOwner, Type = 1, JoinTime = now.ToUnixTimeSeconds(), JoinScene = 1 });
            group.Version++;
        }
        return 0;
    }
}
