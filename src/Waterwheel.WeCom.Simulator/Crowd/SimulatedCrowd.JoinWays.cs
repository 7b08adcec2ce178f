using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Crowd;

public sealed partial class SimulatedCrowd
{
    /// <summary>A customer group holds 200 people when joined by QR code; a full group sends newcomers to the next one.</summary>
    public const int GroupCapacity = 200;

    /// <summary>
    /// A customer scans a 群活码 (join_way): they join the first of its groups with room, carrying the join way's
    /// state. When all are full and the join way may create rooms, WeCom opens the next one ("{base name}{n}") and
    /// pushes its creation before the member change, as it does for a group made in the client.
    /// </summary>
    public async Task<CrowdOutcome> ScanJoinWay(string corpId, string configId, string externalUserid, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string? createdXml = null;
        string xml, owner, chatId;
        lock (state.Sync)
        {
            var way = corp.JoinWays[configId];
            var groups = way.ChatIds.Select(id => corp.Groups[id]).ToList();
            var group = groups.FirstOrDefault(g => g.Members.Count < GroupCapacity);
            if (group is null)
            {
                if (way.AutoCreateRoom != 1 || groups.Count == 0)
                    throw new InvalidOperationException($"Every group of join way {configId} is full and it may not create rooms.");
                group = corp.AddGroup($"{way.RoomBaseName}{way.RoomBaseId++}", groups[0].Owner, state.Now);
                way.ChatIds.Add(group.ChatId);
                createdXml = SimEventXml.Build(corpId, state.Now, "change_external_chat", "create", ("ChatId", group.ChatId));
            }
            var last = group.MemberVersion;
            group.Members.Add(new SimGroupMember
            {
                Userid = externalUserid, Type = 2, JoinTime = state.Now, JoinScene = 3, InvitorUserid = group.Owner,
                State = string.IsNullOrEmpty(way.State) ? null : way.State,
            });
            group.Version++;
            (owner, chatId) = (group.Owner, group.ChatId);
            xml = SimEventXml.Build(corpId, state.Now, "change_external_chat", "update",
                ("ChatId", chatId), ("UpdateDetail", "add_member"), ("JoinScene", "3"), ("MemChangeCnt", "1"),
                ("LastMemVer", last), ("CurMemVer", group.MemberVersion));
            xml = xml.Replace("<LastMemVer>", $"<MemChangeList><Item><![CDATA[{externalUserid}]]></Item></MemChangeList><LastMemVer>", StringComparison.Ordinal);
        }
        if (createdXml is not null) await Raise(corp, "create_group", createdXml, owner, externalUserid, null, ct);
        return await Raise(corp, "join_group", xml, owner, externalUserid, null, ct);
    }
}
