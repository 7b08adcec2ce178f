using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

internal static class StaffApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Get("department/list", (corp, r) =>
        {
            if (r.Query("id") is not { Length: > 0 } id) return SimJson.Ok(new() { ["department"] = corp.Departments.Select(Shape).ToList() });
            if (!long.TryParse(id, out var root) || corp.Departments.All(d => d.Id != root)) return SimJson.Error(60123);
            return SimJson.Ok(new() { ["department"] = Subtree(corp, root).Select(Shape).ToList() });
        });

        routes.Get("user/list", (corp, r) =>
        {
            if (!long.TryParse(r.Query("department_id"), out var root) || corp.Departments.All(d => d.Id != root)) return SimJson.Error(60123);
            var ids = r.Query("fetch_child") == "1" ? Subtree(corp, root).Select(d => d.Id).ToHashSet() : [root];
            var users = corp.Staff.Values.Where(s => s.Departments.Any(ids.Contains)).Select(s => new Dictionary<string, object?>
            {
                ["userid"] = s.Userid, ["name"] = s.Name, ["department"] = s.Departments, ["main_department"] = s.Departments[0],
                ["status"] = s.Status, ["position"] = "", ["gender"] = "0",
            }).ToList();
            return SimJson.Ok(new() { ["userlist"] = users });
        });
    }

    private static Dictionary<string, object?> Shape(SimDepartment d) =>
        new() { ["id"] = d.Id, ["name"] = d.Name, ["parentid"] = d.ParentId, ["order"] = d.Order };

    private static List<SimDepartment> Subtree(SimCorp corp, long root)
    {
        var result = corp.Departments.Where(d => d.Id == root).ToList();
        for (var i = 0; i < result.Count; i++)
            result.AddRange(corp.Departments.Where(d => d.ParentId == result[i].Id && d.Id != result[i].Id));
        return result;
    }
}
