namespace Waterwheel.Audiences.Segments;

/// <summary>A tenant's tags by name and by id, for the text form, which names tags rather than quoting ids.</summary>
internal interface ITagLookup
{
    bool TryGetId(string name, out Guid id);
    bool TryGetName(Guid id, out string name);
}

/// <summary>A fixed set of tag names, for tests and for a caller that loaded the tenant's tags once.</summary>
internal sealed class TagDirectory : ITagLookup
{
    private readonly Dictionary<string, Guid> _byName;
    private readonly Dictionary<Guid, string> _byId;

    public TagDirectory(IEnumerable<KeyValuePair<string, Guid>> tags)
    {
        _byName = tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        _byId = _byName.ToDictionary(t => t.Value, t => t.Key);
    }

    public static readonly TagDirectory Empty = new([]);

    public bool TryGetId(string name, out Guid id) => _byName.TryGetValue(name, out id);

    public bool TryGetName(Guid id, out string name) => _byId.TryGetValue(id, out name!);
}
