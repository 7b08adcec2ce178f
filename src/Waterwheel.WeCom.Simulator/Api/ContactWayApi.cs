using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

internal static class ContactWayApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/add_contact_way", (corp, r) =>
        {
            if (corp.ContactWaysCreated >= corp.ContactWayQuota) return SimJson.Error(41045);
            var way = new SimContactWay { ConfigId = corp.NewId("cw"), CreateTime = r.Now, Type = (int)(r.Long("type") ?? 0) };
            if (Apply(corp, way, r, creating: true) is { } error) return error;
            corp.ContactWays[way.ConfigId] = way;
            corp.ContactWaysCreated++;
            return SimJson.Ok(new() { ["config_id"] = way.ConfigId, ["qr_code"] = way.QrCode });
        });

        routes.Post("externalcontact/get_contact_way", (corp, r) =>
            corp.ContactWays.TryGetValue(r.Str("config_id") ?? "", out var way)
                ? SimJson.Ok(new() { ["contact_way"] = SimShapes.ContactWay(way) })
                : SimJson.Error(41044));

        routes.Post("externalcontact/list_contact_way", (corp, r) =>
        {
            var limit = (int)(r.Long("limit") ?? 100);
            if (limit is < 1 or > 1000) return SimJson.Error(SimErrors.InvalidParameter);
            var start = r.Long("start_time") ?? long.MinValue;
            var end = r.Long("end_time") ?? long.MaxValue;
            var ways = corp.ContactWays.Values.Where(w => w.CreateTime >= start && w.CreateTime <= end).ToList();
            if (!SimPaging.TryPage(ways, r.Str("cursor"), limit, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["contact_way"] = page.Select(w => new Dictionary<string, object?> { ["config_id"] = w.ConfigId }).ToList(),
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/update_contact_way", (corp, r) =>
            corp.ContactWays.TryGetValue(r.Str("config_id") ?? "", out var way)
                ? Apply(corp, way, r, creating: false) ?? SimJson.Ok()
                : SimJson.Error(41044));

        routes.Post("externalcontact/del_contact_way", (corp, r) =>
            corp.ContactWays.Remove(r.Str("config_id") ?? "") ? SimJson.Ok() : SimJson.Error(41044));
    }

    /// <summary>Validates the whole request first and only then writes, so a refused update changes nothing.</summary>
    private static IResult? Apply(SimCorp corp, SimContactWay way, SimRequest r, bool creating)
    {
        var scene = r.Long("scene") ?? (creating ? null : way.Scene);
        var style = r.Long("style") ?? way.Style;
        var users = r.Strings("user") ?? (creating ? [] : way.Users);
        var parties = r.Longs("party") ?? (creating ? [] : way.Parties);
        var remark = r.Str("remark") ?? way.Remark;
        var state = r.Str("state") ?? way.State;

        if (way.Type is not (1 or 2)) return SimJson.Error(SimErrors.InvalidParameter);
        if (scene is not (1 or 2)) return SimJson.Error(41040);
        if (style is < 0 or > 20) return SimJson.Error(41042);
        if (remark.Length > 30 || state.Length > 30) return SimJson.Error(SimErrors.InvalidParameter);
        // type 1 is a single member's code; departments only make sense for a multi-member code.
        if (way.Type == 1 && (users.Count != 1 || parties.Count > 0)) return SimJson.Error(SimErrors.InvalidParameter);
        if (users.Count + parties.Count == 0) return SimJson.Error(SimErrors.InvalidParameter);
        if (users.Count > 100) return SimJson.Error(41041);
        if (users.FirstOrDefault(u => !corp.Staff.ContainsKey(u)) is not null) return SimJson.Error(60111);
        if (users.Any(u => corp.Staff[u].Status == 4)) return SimJson.Error(41054);
        if (parties.Any(p => corp.Departments.All(d => d.Id != p))) return SimJson.Error(60123);

        (way.Scene, way.Style, way.Users, way.Parties, way.Remark, way.State) = ((int)scene, (int)style, users, parties, remark, state);
        way.SkipVerify = r.Bool("skip_verify") ?? way.SkipVerify;
        return null;
    }
}
