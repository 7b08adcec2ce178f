using Microsoft.AspNetCore.Routing;

namespace Waterwheel.WeCom.Simulator.Api;

internal static class GroupChatApi
{
    /// <summary>Without an owner filter WeCom refuses (81017) when the app sees more members than this.</summary>
    public const int UnfilteredVisibleLimit = 1000;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/groupchat/list", (corp, r) =>
        {
            var limit = (int)(r.Long("limit") ?? 0);
            if (limit is < 1 or > 1000) return SimJson.Error(SimErrors.InvalidParameter);
            var owners = r.Object("owner_filter")?.Strings("userid_list");
            if (owners is { Count: > 100 }) return SimJson.Error(SimErrors.InvalidParameter);
            if (owners is null or { Count: 0 } && corp.Staff.Count > UnfilteredVisibleLimit) return SimJson.Error(81017);
            var status = (int)(r.Long("status_filter") ?? 0);
            var groups = corp.Groups.Values
                .Where(g => owners is null or { Count: 0 } || owners.Contains(g.Owner))
                .Where(g => status == 0 || g.Status == status)
                .OrderBy(g => g.CreateTime).ThenBy(g => g.ChatId, StringComparer.Ordinal).ToList();
            if (!SimPaging.TryPage(groups, r.Str("cursor"), limit, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["group_chat_list"] = page.Select(g => new Dictionary<string, object?> { ["chat_id"] = g.ChatId, ["status"] = g.Status }).ToList(),
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/groupchat/get", (corp, r) =>
            corp.Groups.TryGetValue(r.Str("chat_id") ?? "", out var group)
                ? SimJson.Ok(new() { ["group_chat"] = SimShapes.GroupChat(group, r.Long("need_name") == 1, corp) })
                : SimJson.Error(40050));
    }
}
