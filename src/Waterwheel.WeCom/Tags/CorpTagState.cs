namespace Waterwheel.WeCom.Tags;

/// <summary>
/// What a stored group or tag looked like before a change, to tell whether it appeared, changed or went. A row made
/// for something new starts out deleted, so appearing is the step from deleted to live.
/// </summary>
internal readonly record struct CorpTagState(string Name, long Order, bool Deleted)
{
    public static CorpTagState Of(CorpTagGroupEntry group) => new(group.Name, group.Order, group.Deleted);

    public static CorpTagState Of(CorpTagEntry tag) => new(tag.Name, tag.Order, tag.Deleted);

    public Contracts.CorpTagChange? To(CorpTagState now) => (Deleted, now.Deleted) switch
    {
        (true, false) => Contracts.CorpTagChange.Created,
        (false, true) => Contracts.CorpTagChange.Deleted,
        (false, false) when Name != now.Name || Order != now.Order => Contracts.CorpTagChange.Updated,
        _ => null,
    };
}
