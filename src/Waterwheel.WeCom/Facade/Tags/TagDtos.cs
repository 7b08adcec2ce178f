using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>The stored corp tags as the Contracts describe them.</summary>
internal static class TagDtos
{
    public static WeComTag Of(CorpTagEntry tag) => new(tag.TagId, tag.GroupId, tag.Name, tag.Order, tag.CreatedAt);

    /// <summary>WeCom shows a larger order first; the id breaks ties so the list is stable.</summary>
    public static WeComTagGroup Of(CorpTagGroupEntry group, IEnumerable<CorpTagEntry> tags) => new(group.GroupId, group.Name, group.Order, group.CreatedAt,
        tags.OrderByDescending(t => t.Order).ThenBy(t => t.TagId, StringComparer.Ordinal).Select(Of).ToList());
}
