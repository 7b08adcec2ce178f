namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>change_external_tag: a corp tag or tag group was created, updated, deleted or reordered (shuffle).</summary>
public sealed record ExternalTagChanged(EventHeader Header, string Id, string TagType, string? StrategyId) : WeComEvent(Header)
{
    public const string Tag = "tag";
    public const string TagGroup = "tag_group";

    protected override string Specifics => $"{TagType}|{Id}|{StrategyId}";
}
