namespace Waterwheel.WeCom.Client;

public sealed class CorpTag
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public long CreateTime { get; init; }
    public long Order { get; init; }
    public bool Deleted { get; init; }
}

public sealed class CorpTagGroup
{
    public string GroupId { get; init; } = "";
    public string? GroupName { get; init; }
    public long CreateTime { get; init; }
    public long Order { get; init; }
    public bool Deleted { get; init; }
    public List<CorpTag> Tag { get; init; } = [];
}
