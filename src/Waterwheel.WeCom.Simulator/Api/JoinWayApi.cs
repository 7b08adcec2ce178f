using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>群活码: the quota is shared with contact ways; at most 5 chats per code (41091).</summary>
internal static class JoinWayApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/groupchat/add_join_way", (corp, r) =>
        {
            if (corp.ContactWaysCreated >= corp.ContactWayQuota) return SimJson.Error(41045);
            var way = new SimJoinWay { ConfigId = corp.NewId("jw") };
            if (Apply(corp, way, r, creating: true) is { } error) return error;
            corp.JoinWays[way.ConfigId] = way;
            corp.ContactWaysCreated++;
            return SimJson.Ok(new() { ["config_id"] = way.ConfigId });
        });

        routes.Post("externalcontact/groupchat/get_join_way", (corp, r) =>
            corp.JoinWays.TryGetValue(r.Str("config_id") ?? "", out var w)
                ? SimJson.Ok(new()
                {
                    ["join_way"] = new Dictionary<string, object?>
                    {
                        ["config_id"] = w.ConfigId, ["scene"] = w.Scene, ["remark"] = w.Remark, ["auto_create_room"] = w.AutoCreateRoom,
                        ["room_base_name"] = w.RoomBaseName, ["room_base_id"] = w.RoomBaseId, ["chat_id_list"] = w.ChatIds.ToList(),
                        ["qr_code"] = w.QrCode, ["state"] = w.State,
                    },
                })
                : SimJson.Error(41044));

        routes.Post("externalcontact/groupchat/update_join_way", (corp, r) =>
            corp.JoinWays.TryGetValue(r.Str("config_id") ?? "", out var way) ? Apply(corp, way, r, creating: false) ?? SimJson.Ok() : SimJson.Error(41044));

        routes.Post("externalcontact/groupchat/del_join_way", (corp, r) =>
            corp.JoinWays.Remove(r.Str("config_id") ?? "") ? SimJson.Ok() : SimJson.Error(41044));
    }

    private static IResult? Apply(SimCorp corp, SimJoinWay way, SimRequest r, bool creating)
    {
        var scene = r.Long("scene") ?? (creating ? null : way.Scene);
        var chats = r.Strings("chat_id_list") ?? (creating ? [] : way.ChatIds);
        var remark = r.Str("remark") ?? way.Remark;
        var state = r.Str("state") ?? way.State;
        var baseName = r.Str("room_base_name") ?? way.RoomBaseName;
        if (scene is not (1 or 2)) return SimJson.Error(41040);
        if (chats.Count is 0) return SimJson.Error(SimErrors.InvalidParameter);
        if (chats.Count > 5) return SimJson.Error(41091);
        if (chats.Any(c => !corp.Groups.ContainsKey(c))) return SimJson.Error(40050);
        if (remark.Length > 30 || state.Length > 30 || baseName.Length > 40) return SimJson.Error(SimErrors.InvalidParameter);
        (way.Scene, way.ChatIds, way.Remark, way.State, way.RoomBaseName) = ((int)scene, chats, remark, state, baseName);
        way.AutoCreateRoom = (int)(r.Long("auto_create_room") ?? way.AutoCreateRoom);
        way.RoomBaseId = r.Long("room_base_id") ?? way.RoomBaseId;
        return null;
    }
}
