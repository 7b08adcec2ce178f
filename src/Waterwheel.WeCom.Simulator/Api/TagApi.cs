using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

internal static class TagApi
{
    public const int MaxTagsPerCorp = 3000;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/get_corp_tag_list", (corp, r) =>
        {
            var groupIds = r.Strings("group_id") ?? [];
            var tagIds = r.Strings("tag_id") ?? [];
            // group_id wins when both filters are given.
            var groups = groupIds.Count > 0 ? corp.TagGroups.Where(g => groupIds.Contains(g.GroupId)).Select(g => SimShapes.TagGroup(g))
                : tagIds.Count > 0 ? corp.TagGroups.Where(g => g.Tags.Any(t => tagIds.Contains(t.Id))).Select(g => SimShapes.TagGroup(g, g.Tags.Where(t => tagIds.Contains(t.Id))))
                : corp.TagGroups.Select(g => SimShapes.TagGroup(g));
            return SimJson.Ok(new() { ["tag_group"] = groups.ToList() });
        });

        routes.Post("externalcontact/add_corp_tag", (corp, r) =>
        {
            var names = r.Get("tag") is { ValueKind: System.Text.Json.JsonValueKind.Array } tags
                ? tags.EnumerateArray().Select(t => (Name: t.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "", Order: t.TryGetProperty("order", out var o) && o.ValueKind == System.Text.Json.JsonValueKind.Number && o.TryGetInt64(out var ov) ? ov : 0)).ToList()
                : [];
            if (names.Count == 0 || names.Any(n => n.Name.Length is 0 or > 30)) return SimJson.Error(SimErrors.InvalidParameter);
            if (corp.TagGroups.Sum(g => g.Tags.Count) + names.Count > MaxTagsPerCorp) return SimJson.Error(SimErrors.InvalidParameter);
            var group = r.Str("group_id") is { } groupId ? corp.TagGroups.FirstOrDefault(g => g.GroupId == groupId)
                : corp.TagGroups.FirstOrDefault(g => g.GroupName == r.Str("group_name"));
            if (r.Str("group_id") is not null && group is null) return SimJson.Error(40068);
            if (group is null && r.Str("group_name") is not { Length: > 0 and <= 30 }) return SimJson.Error(SimErrors.InvalidParameter);
            if (group is not null && names.Any(n => group.Tags.Any(t => t.Name == n.Name))) return SimJson.Error(40071);
            if (names.Select(n => n.Name).Distinct().Count() != names.Count) return SimJson.Error(40071);

            group ??= corp.AddTagGroup(r.Str("group_name")!, r.Now);
            group.Order = r.Long("order") ?? group.Order;
            var added = names.Select(n => new SimTag { Id = corp.NewId("et"), Name = n.Name, Order = n.Order, CreateTime = r.Now }).ToList();
            group.Tags.AddRange(added);
            return SimJson.Ok(new() { ["tag_group"] = SimShapes.TagGroup(group, added) });
        });

        routes.Post("externalcontact/edit_corp_tag", (corp, r) =>
        {
            var id = r.Str("id") ?? "";
            var name = r.Str("name");
            if (name is { Length: 0 or > 30 }) return SimJson.Error(SimErrors.InvalidParameter);
            if (corp.TagGroups.FirstOrDefault(g => g.GroupId == id) is { } group)
            {
                if (name is not null && corp.TagGroups.Any(g => g != group && g.GroupName == name)) return SimJson.Error(40071);
                (group.GroupName, group.Order) = (name ?? group.GroupName, r.Long("order") ?? group.Order);
                return SimJson.Ok();
            }
            if (corp.Tag(id) is not { } tag) return SimJson.Error(40068);
            var owner = corp.TagGroups.First(g => g.Tags.Contains(tag));
            if (name is not null && owner.Tags.Any(t => t != tag && t.Name == name)) return SimJson.Error(40071);
            (tag.Name, tag.Order) = (name ?? tag.Name, r.Long("order") ?? tag.Order);
            return SimJson.Ok();
        });

        routes.Post("externalcontact/del_corp_tag", (corp, r) =>
        {
            var tagIds = r.Strings("tag_id") ?? [];
            var groupIds = r.Strings("group_id") ?? [];
            if (tagIds.Count + groupIds.Count == 0) return SimJson.Error(SimErrors.InvalidParameter);
            if (tagIds.Any(t => corp.Tag(t) is null) || groupIds.Any(g => corp.TagGroups.All(x => x.GroupId != g))) return SimJson.Error(40068);
            corp.TagGroups.RemoveAll(g => groupIds.Contains(g.GroupId));
            foreach (var g in corp.TagGroups) g.Tags.RemoveAll(t => tagIds.Contains(t.Id));
            // A group whose last tag is gone disappears with it.
            corp.TagGroups.RemoveAll(g => g.Tags.Count == 0);
            var live = corp.TagGroups.SelectMany(g => g.Tags).Select(t => t.Id).ToHashSet();
            foreach (var f in corp.Follows) f.TagIds.IntersectWith(live);
            return SimJson.Ok();
        });

        routes.Post("externalcontact/mark_tag", (corp, r) =>
        {
            var add = r.Strings("add_tag") ?? [];
            var remove = r.Strings("remove_tag") ?? [];
            if (add.Count + remove.Count == 0) return SimJson.Error(SimErrors.InvalidParameter);
            if (corp.Follow(r.Str("userid") ?? "", r.Str("external_userid") ?? "") is not { } follow) return SimJson.Error(84061);
            if (add.Concat(remove).Any(t => corp.Tag(t) is null)) return SimJson.Error(40068);
            follow.TagIds.UnionWith(add);
            follow.TagIds.ExceptWith(remove);
            return SimJson.Ok();
        });
    }
}
