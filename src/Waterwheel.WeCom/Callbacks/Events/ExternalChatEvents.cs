namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>change_external_chat: a customer group was created, updated or dismissed.</summary>
public abstract record ExternalChatEvent(EventHeader Header, string ChatId) : WeComEvent(Header)
{
    protected override string Specifics => ChatId;
}

public sealed record ExternalChatCreated(EventHeader Header, string ChatId) : ExternalChatEvent(Header, ChatId);

public sealed record ExternalChatDismissed(EventHeader Header, string ChatId) : ExternalChatEvent(Header, ChatId);

/// <summary>
/// An update. JoinScene/QuitScene stay plain ints because sources disagree on their values. When LastMemVer is not
/// the member_version we hold, the group must be fetched again.
/// </summary>
public sealed record ExternalChatUpdated(
    EventHeader Header,
    string ChatId,
    string UpdateDetail,
    int? JoinScene,
    int? QuitScene,
    int? MemChangeCnt,
    IReadOnlyList<string> MemChangeList,
    string? LastMemVer,
    string? CurMemVer) : ExternalChatEvent(Header, ChatId)
{
    public const string AddMember = "add_member";
    public const string DelMember = "del_member";
    public const string ChangeOwner = "change_owner";
    public const string ChangeName = "change_name";
    public const string ChangeNotice = "change_notice";

    // Two updates of one group in the same second differ by kind and member version. The member list can hold
    // hundreds of ids, so it enters the key as a hash: the key stays short enough for the inbox whatever the group did.
    protected override string Specifics =>
        $"{ChatId}|{UpdateDetail}|{CurMemVer}|{(MemChangeList.Count == 0 ? "" : KeyHash.Short(string.Join(',', MemChangeList)))}";
}
