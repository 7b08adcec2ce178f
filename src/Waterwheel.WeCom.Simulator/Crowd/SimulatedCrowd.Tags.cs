using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Crowd;

public sealed partial class SimulatedCrowd
{
    /// <summary>An admin adds a tag to a group in the WeCom admin console: change_external_tag/create for the tag.</summary>
    public Task<CrowdOutcome> AdminAddsTag(string corpId, string groupId, string name, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml, tagId;
        lock (state.Sync)
        {
            var group = corp.TagGroups.Single(g => g.GroupId == groupId);
            var tag = new SimTag { Id = corp.NewId("et"), Name = name, CreateTime = state.Now };
            group.Tags.Add(tag);
            tagId = tag.Id;
            xml = TagEvent(corp, "create", tagId, "tag");
        }
        return Raise(corp, "tag_create", xml, "", tagId, null, ct);
    }

    /// <summary>
    /// An admin makes a tag group with its first tags in the admin console. WeCom reports the group alone
    /// (change_external_tag/create for the tag_group), not each tag made with it.
    /// </summary>
    public Task<CrowdOutcome> AdminAddsTagGroup(string corpId, string name, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml, groupId;
        lock (state.Sync)
        {
            groupId = corp.AddTagGroup(name, state.Now, [.. tags]).GroupId;
            xml = TagEvent(corp, "create", groupId, "tag_group");
        }
        return Raise(corp, "tag_group_create", xml, "", groupId, null, ct);
    }

    /// <summary>An admin renames a tag in the admin console: change_external_tag/update for the tag.</summary>
    public Task<CrowdOutcome> AdminRenamesTag(string corpId, string tagId, string name, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            (corp.Tag(tagId) ?? throw new InvalidOperationException("No such tag.")).Name = name;
            xml = TagEvent(corp, "update", tagId, "tag");
        }
        return Raise(corp, "tag_update", xml, "", tagId, null, ct);
    }

    /// <summary>An admin renames a tag group in the admin console: change_external_tag/update for the group.</summary>
    public Task<CrowdOutcome> AdminRenamesTagGroup(string corpId, string groupId, string name, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            corp.TagGroups.Single(g => g.GroupId == groupId).GroupName = name;
            xml = TagEvent(corp, "update", groupId, "tag_group");
        }
        return Raise(corp, "tag_group_update", xml, "", groupId, null, ct);
    }

    /// <summary>An admin deletes a tag; it comes off every customer, and a group left without tags goes with it.</summary>
    public Task<CrowdOutcome> AdminDeletesTag(string corpId, string tagId, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            foreach (var g in corp.TagGroups) g.Tags.RemoveAll(t => t.Id == tagId);
            corp.TagGroups.RemoveAll(g => g.Tags.Count == 0);
            foreach (var f in corp.Follows) f.TagIds.Remove(tagId);
            xml = TagEvent(corp, "delete", tagId, "tag");
        }
        return Raise(corp, "tag_delete", xml, "", tagId, null, ct);
    }

    /// <summary>
    /// An admin deletes a whole tag group: its tags come off every customer, and WeCom reports the group alone
    /// (change_external_tag/delete for the tag_group).
    /// </summary>
    public Task<CrowdOutcome> AdminDeletesTagGroup(string corpId, string groupId, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            var group = corp.TagGroups.Single(g => g.GroupId == groupId);
            var gone = group.Tags.Select(t => t.Id).ToHashSet();
            corp.TagGroups.Remove(group);
            foreach (var f in corp.Follows) f.TagIds.ExceptWith(gone);
            xml = TagEvent(corp, "delete", groupId, "tag_group");
        }
        return Raise(corp, "tag_group_delete", xml, "", groupId, null, ct);
    }

    /// <summary>An admin drags tag groups into a new order: change_external_tag/shuffle.</summary>
    public Task<CrowdOutcome> AdminReordersTagGroups(string corpId, IReadOnlyList<string> groupIdsFirstToLast, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            // WeCom shows a larger order first.
            for (var i = 0; i < groupIdsFirstToLast.Count; i++)
                corp.TagGroups.Single(g => g.GroupId == groupIdsFirstToLast[i]).Order = groupIdsFirstToLast.Count - i;
            xml = TagEvent(corp, "shuffle", "", "tag_group");
        }
        return Raise(corp, "tag_shuffle", xml, "", "", null, ct);
    }

    private string TagEvent(SimCorp corp, string changeType, string id, string tagType) =>
        SimEventXml.Build(corp.CorpId, state.Now, "change_external_tag", changeType, ("Id", id), ("TagType", tagType));
}
