using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Crowd;

public sealed partial class SimulatedCrowd
{
    /// <summary>A member creates a customer group in their WeCom app: change_external_chat/create.</summary>
    public Task<CrowdOutcome> StaffCreatesGroup(string corpId, string owner, string name, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml, chatId;
        lock (state.Sync)
        {
            chatId = corp.AddGroup(name, owner, state.Now).ChatId;
            xml = SimEventXml.Build(corpId, state.Now, "change_external_chat", "create", ("ChatId", chatId));
        }
        return Raise(corp, "create", xml, owner, chatId, null, ct);
    }

    /// <summary>
    /// A customer leaves a group (quitScene 0) or the owner removes them (1): del_member with the versions before and
    /// after, as for a join.
    /// </summary>
    public Task<CrowdOutcome> CustomerLeavesGroup(string corpId, string chatId, string externalUserid, int quitScene = 0, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml, owner;
        lock (state.Sync)
        {
            var group = corp.Groups[chatId];
            var last = group.MemberVersion;
            if (group.Members.RemoveAll(m => m.Userid == externalUserid) == 0) throw new InvalidOperationException("Not a member.");
            group.Version++;
            owner = group.Owner;
            xml = SimEventXml.WithMemChangeList(SimEventXml.Build(corpId, state.Now, "change_external_chat", "update",
                ("ChatId", chatId), ("UpdateDetail", "del_member"), ("QuitScene", quitScene.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("MemChangeCnt", "1"), ("LastMemVer", last), ("CurMemVer", group.MemberVersion)), [externalUserid]);
        }
        return Raise(corp, "del_member", xml, owner, externalUserid, null, ct);
    }

    /// <summary>The owner renames the group: change_name, members (and so the member version) unchanged.</summary>
    public Task<CrowdOutcome> OwnerRenamesGroup(string corpId, string chatId, string name, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml, owner;
        lock (state.Sync)
        {
            var group = corp.Groups[chatId];
            group.Name = name;
            owner = group.Owner;
            xml = SimEventXml.Build(corpId, state.Now, "change_external_chat", "update", ("ChatId", chatId), ("UpdateDetail", "change_name"),
                ("LastMemVer", group.MemberVersion), ("CurMemVer", group.MemberVersion));
        }
        return Raise(corp, "change_name", xml, owner, "", null, ct);
    }

    /// <summary>The owner dismisses the group: it is gone from groupchat/list and groupchat/get, and WeCom says so once.</summary>
    public Task<CrowdOutcome> OwnerDismissesGroup(string corpId, string chatId, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        SimGroup group;
        lock (state.Sync)
        {
            group = corp.Groups[chatId];
            corp.Groups.Remove(chatId);
            xml = SimEventXml.Build(corpId, state.Now, "change_external_chat", "dismiss", ("ChatId", chatId));
        }
        return Raise(corp, "dismiss", xml, group.Owner, "", null, ct);
    }
}
