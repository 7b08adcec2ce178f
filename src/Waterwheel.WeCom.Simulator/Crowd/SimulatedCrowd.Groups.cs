using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Crowd;

public sealed partial class SimulatedCrowd
{
    /// <summary>
    /// A customer joins a group by scanning its QR code: the member list and member_version change and WeCom pushes
    /// change_external_chat/update/add_member carrying the previous and the new version.
    /// </summary>
    public Task<CrowdOutcome> CustomerJoinsGroup(string corpId, string chatId, string externalUserid, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml, owner;
        lock (state.Sync)
        {
            var group = corp.Groups[chatId];
            var last = group.MemberVersion;
            group.Members.Add(new SimGroupMember { Userid = externalUserid, Type = 2, JoinTime = state.Now, JoinScene = 3, InvitorUserid = group.Owner });
            group.Version++;
            owner = group.Owner;
            xml = SimEventXml.Build(corpId, state.Now, "change_external_chat", "update",
                ("ChatId", chatId), ("UpdateDetail", "add_member"), ("JoinScene", "3"), ("MemChangeCnt", "1"),
                ("LastMemVer", last), ("CurMemVer", group.MemberVersion));
            // MemChangeList nests <Item> elements, which the flat builder cannot express; splice it in.
            xml = xml.Replace("<LastMemVer>", $"<MemChangeList><Item><![CDATA[{externalUserid}]]></Item></MemChangeList><LastMemVer>", StringComparison.Ordinal);
        }
        return Raise(corp, "add_member", xml, owner, externalUserid, null, ct);
    }

    /// <summary>The member deletes the customer (del_external_contact); the relation ends.</summary>
    public Task<CrowdOutcome> StaffDeletesCustomer(string corpId, string userid, string externalUserid, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            var follow = corp.Follow(userid, externalUserid) ?? throw new InvalidOperationException("No such relation.");
            corp.Follows.Remove(follow);
            xml = SimEventXml.Build(corpId, state.Now, "change_external_contact", "del_external_contact", ("UserID", userid), ("ExternalUserID", externalUserid));
        }
        return Raise(corp, "del_external_contact", xml, userid, externalUserid, null, ct);
    }
}
