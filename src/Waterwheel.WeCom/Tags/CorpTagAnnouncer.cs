using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Tags;

/// <summary>
/// Publishes a stored group's or tag's change, if it changed, in the unit of work that stores it (ADR 7). Used only
/// where WeCom tells us what it holds (callbacks, syncs): the façade's own changes are stored without a word.
/// </summary>
internal sealed class CorpTagAnnouncer(WeComDbContext db)
{
    public CorpTagChange? Group(CorpTagGroupEntry group, CorpTagState was, DateTime now)
    {
        var change = was.To(CorpTagState.Of(group));
        if (change is { } c) db.Publish(new CorpTagGroupChanged(group.TenantId, group.GroupId, group.Name, group.Order, group.CreatedAt, c, now), now);
        return change;
    }

    public CorpTagChange? Tag(CorpTagEntry tag, CorpTagGroupEntry? group, CorpTagState was, DateTime now)
    {
        var change = was.To(CorpTagState.Of(tag));
        if (change is { } c)
            db.Publish(new CorpTagChanged(tag.TenantId, tag.TagId, tag.GroupId, group?.Name ?? "", tag.Name, tag.Order, tag.CreatedAt, c, now), now);
        return change;
    }
}
