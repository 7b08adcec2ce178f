using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>
/// add_corp_tag for another module: a new group with its first tags, or tags added to a group. What WeCom made is
/// stored at once, so its next read finds nothing new to announce.
/// </summary>
internal sealed class CreateCorpTags(TenantCorps corps, IWeComClient client, WeComDbContext db, CorpTagMirror mirror)
{
    /// <summary>Into the group named by <paramref name="groupId"/>, or a new group called <paramref name="groupName"/>.</summary>
    public async Task<WeComTagOutcome<WeComTagGroup>> Handle(Guid tenantId, string? groupId, string? groupName, IReadOnlyList<NewWeComTag> tags,
        long? order, CancellationToken ct)
    {
        groupName = groupName?.Trim();
        if (Check(groupId is null ? groupName : null, groupId is null, tags) is { } invalid) return WeComTagOutcome<WeComTagGroup>.Of(invalid);
        // add_corp_tag would quietly put the tags into a group of that name: a new group must not merge into an old one.
        if (groupId is null && await db.TagGroups.AnyAsync(g => g.Name == groupName && !g.Deleted, ct))
            return WeComTagOutcome<WeComTagGroup>.Of(TagOutcomes.NameExists);
        if (await corps.Find(tenantId, ct) is not { } corp) return WeComTagOutcome<WeComTagGroup>.Of(TagOutcomes.NotConnected);

        var request = new AddCorpTagRequest(tags.Select(t => new NewCorpTag(t.Name.Trim(), t.Order)).ToList(), groupId,
            groupId is null ? groupName : null, order);
        var added = await client.AddCorpTag(corp.App, request, ct);
        if (!added.IsSuccess) return WeComTagOutcome<WeComTagGroup>.Of(TagOutcomes.From(added.Error!));
        if (added.Value!.TagGroup is not { GroupId.Length: > 0 } remote)
            return WeComTagOutcome<WeComTagGroup>.Of(TagOutcomes.From(WeComErrorCatalog.Transport("externalcontact/add_corp_tag", "no tag_group in the answer")));

        var (group, stored) = await mirror.Added(tenantId, remote, ct);
        await mirror.Save(ct);
        return new WeComTagOutcome<WeComTagGroup>(WeComTagStatus.Done, TagDtos.Of(group, stored));
    }

    private static WeComTagOutcome? Check(string? groupName, bool newGroup, IReadOnlyList<NewWeComTag> tags)
    {
        if (newGroup && TagOutcomes.CheckName(groupName) is { } badGroup) return badGroup;
        if (tags.Count == 0) return TagOutcomes.Invalid("TagsRequired");
        if (tags.Select(t => TagOutcomes.CheckName(t.Name)).FirstOrDefault(o => o is not null) is { } badTag) return badTag;
        return tags.Select(t => t.Name.Trim()).Distinct().Count() != tags.Count ? TagOutcomes.Invalid("DuplicateNames") : null;
    }
}
