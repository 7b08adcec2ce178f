using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// The JSON shapes of spec §4, spelled field by field. Lists are copied because the result is serialised after the
/// state lock is released.
/// </summary>
internal static class SimShapes
{
    public static Dictionary<string, object?> Customer(SimCustomer c) => new()
    {
        ["external_userid"] = c.ExternalUserid, ["name"] = c.Name, ["avatar"] = c.Avatar, ["type"] = c.Type,
        ["gender"] = c.Gender, ["unionid"] = c.Unionid,
    };

    /// <summary>externalcontact/get: an array entry with full tag objects.</summary>
    public static Dictionary<string, object?> FollowUser(SimCorp corp, SimFollow f) => new()
    {
        ["userid"] = f.Userid, ["remark"] = f.Remark, ["description"] = f.Description, ["createtime"] = f.CreateTime,
        ["tags"] = f.TagIds.Select(id => corp.TagGroups.SelectMany(g => g.Tags.Select(t => (g, t))).First(x => x.t.Id == id))
            .Select(x => new Dictionary<string, object?> { ["group_name"] = x.g.GroupName, ["tag_name"] = x.t.Name, ["type"] = 1, ["tag_id"] = x.t.Id })
            .ToList(),
        ["remark_corp_name"] = f.RemarkCorpName, ["remark_mobiles"] = f.RemarkMobiles.ToList(), ["oper_userid"] = f.Userid,
        ["add_way"] = f.AddWay, ["state"] = f.State,
    };

    /// <summary>batch/get_by_user: one object with tag ids only.</summary>
    public static Dictionary<string, object?> FollowInfo(SimFollow f) => new()
    {
        ["userid"] = f.Userid, ["remark"] = f.Remark, ["description"] = f.Description, ["createtime"] = f.CreateTime,
        ["tag_id"] = f.TagIds.ToList(), ["remark_corp_name"] = f.RemarkCorpName, ["remark_mobiles"] = f.RemarkMobiles.ToList(),
        ["oper_userid"] = f.Userid, ["add_way"] = f.AddWay, ["state"] = f.State,
    };

    public static Dictionary<string, object?> TagGroup(SimTagGroup g, IEnumerable<SimTag>? only = null) => new()
    {
        ["group_id"] = g.GroupId, ["group_name"] = g.GroupName, ["create_time"] = g.CreateTime, ["order"] = g.Order,
        ["tag"] = (only ?? g.Tags).Select(t => new Dictionary<string, object?>
        {
            ["id"] = t.Id, ["name"] = t.Name, ["create_time"] = t.CreateTime, ["order"] = t.Order,
        }).ToList(),
    };

    public static Dictionary<string, object?> ContactWay(SimContactWay w) => new()
    {
        ["config_id"] = w.ConfigId, ["type"] = w.Type, ["scene"] = w.Scene, ["style"] = w.Style, ["remark"] = w.Remark,
        ["skip_verify"] = w.SkipVerify, ["state"] = w.State, ["qr_code"] = w.QrCode, ["user"] = w.Users.ToList(), ["party"] = w.Parties.ToList(),
        ["is_temp"] = false,
    };

    public static Dictionary<string, object?> GroupChat(SimGroup g, bool needName, SimCorp corp) => new()
    {
        ["chat_id"] = g.ChatId, ["name"] = g.Name, ["owner"] = g.Owner, ["create_time"] = g.CreateTime, ["notice"] = g.Notice,
        ["member_list"] = g.Members.Select(m => new Dictionary<string, object?>
        {
            ["userid"] = m.Userid, ["type"] = m.Type, ["join_time"] = m.JoinTime, ["join_scene"] = m.JoinScene,
            ["invitor"] = m.InvitorUserid is null ? null : new Dictionary<string, object?> { ["userid"] = m.InvitorUserid },
            ["group_nickname"] = "", ["state"] = m.State,
            ["name"] = needName ? (corp.Staff.TryGetValue(m.Userid, out var s) ? s.Name : corp.Customers.GetValueOrDefault(m.Userid)?.Name) : null,
        }).ToList(),
        ["admin_list"] = g.Admins.Select(a => new Dictionary<string, object?> { ["userid"] = a }).ToList(),
        ["member_version"] = g.MemberVersion,
    };
}
