using Microsoft.AspNetCore.Routing;

namespace Waterwheel.WeCom.Simulator.Api;

internal static class CustomerApi
{
    /// <summary>externalcontact/get pages followers at 500, as WeCom does.</summary>
    public const int FollowersPerPage = 500;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Get("externalcontact/get_follow_user_list", (corp, _) =>
            SimJson.Ok(new() { ["follow_user"] = corp.Staff.Values.Where(s => s.CanFollow).Select(s => s.Userid).ToList() }));

        routes.Get("externalcontact/list", (corp, r) =>
        {
            if (r.Query("userid") is not { } userid || !corp.Staff.ContainsKey(userid)) return SimJson.Error(60111);
            var ids = corp.Follows.Where(f => f.Userid == userid).Select(f => f.ExternalUserid).ToList();
            // SDK users report 84061 rather than an empty list for a member with no customers (not in the spec).
            return ids.Count == 0 ? SimJson.Error(84061) : SimJson.Ok(new() { ["external_userid"] = ids });
        });

        routes.Get("externalcontact/get", (corp, r) =>
        {
            if (r.Query("external_userid") is not { } id || !corp.Customers.TryGetValue(id, out var customer)) return SimJson.Error(40096);
            var follows = corp.Follows.Where(f => f.ExternalUserid == id).ToList();
            if (!SimPaging.TryPage(follows, r.Query("cursor"), FollowersPerPage, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["external_contact"] = SimShapes.Customer(customer),
                ["follow_user"] = page.Select(f => SimShapes.FollowUser(corp, f)).ToList(),
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/batch/get_by_user", (corp, r) =>
        {
            var users = r.Strings("userid_list") ?? [];
            var limit = (int)(r.Long("limit") ?? 50);
            if (users.Count is 0 or > 100 || limit is < 1 or > 100) return SimJson.Error(SimErrors.InvalidParameter);
            var rows = users.SelectMany(u => corp.Follows.Where(f => f.Userid == u)).ToList();
            if (!SimPaging.TryPage(rows, r.Str("cursor"), limit, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["external_contact_list"] = page.Select(f => new Dictionary<string, object?>
                {
                    ["external_contact"] = SimShapes.Customer(corp.Customers[f.ExternalUserid]), ["follow_info"] = SimShapes.FollowInfo(f),
                }).ToList(),
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/remark", (corp, r) =>
        {
            if (corp.Follow(r.Str("userid") ?? "", r.Str("external_userid") ?? "") is not { } follow) return SimJson.Error(84061);
            string[] fields = ["remark", "description", "remark_company", "remark_mobiles", "remark_pic_mediaid"];
            if (!fields.Any(r.Has)) return SimJson.Error(SimErrors.InvalidParameter);
            if ((r.Str("remark")?.Length ?? 0) > 20 || (r.Str("description")?.Length ?? 0) > 150 || (r.Str("remark_company")?.Length ?? 0) > 20)
                return SimJson.Error(SimErrors.InvalidParameter);
            follow.Remark = r.Str("remark") ?? follow.Remark;
            follow.Description = r.Str("description") ?? follow.Description;
            follow.RemarkCorpName = r.Str("remark_company") ?? follow.RemarkCorpName;
            if (r.Strings("remark_mobiles") is { } mobiles) follow.RemarkMobiles = mobiles.Where(m => m.Length > 0).ToList();
            return SimJson.Ok();
        });
    }
}
