namespace Waterwheel.WeCom.Client;

public sealed record TagFilterGroup(IReadOnlyList<string> TagList);

/// <summary>A recipient must carry at least one tag of every listed group.</summary>
public sealed record TagFilter(IReadOnlyList<TagFilterGroup> GroupList);

/// <summary>
/// chat_type "single" (customers: ≤10,000 external_userids and/or a tag filter) or "group" (≤2,000 chats, sender
/// required). Text ≤4000 bytes, ≤9 attachments as for welcome messages.
/// </summary>
public sealed record MsgTemplateRequest(
    string ChatType,
    TextContent? Text = null,
    IReadOnlyList<Attachment>? Attachments = null,
    IReadOnlyList<string>? ExternalUserid = null,
    IReadOnlyList<string>? ChatIdList = null,
    TagFilter? TagFilter = null,
    string? Sender = null,
    bool? AllowSelect = null);

public sealed class AddMsgTemplateResponse : WeComResponse
{
    /// <summary>Recipients that could not be included (not a friend of the sender, unknown chat).</summary>
    public List<string> FailList { get; init; } = [];
    public string Msgid { get; init; } = "";
}

public partial interface IWeComClient
{
    /// <summary>
    /// externalcontact/add_msg_template: creates a mass-message task. Nothing is sent until each member confirms it
    /// in the client; read progress with GetGroupMsgTask and GetGroupMsgSendResult.
    /// </summary>
    Task<WeComResult<AddMsgTemplateResponse>> AddMsgTemplate(WeComApp app, MsgTemplateRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<AddMsgTemplateResponse>> AddMsgTemplate(WeComApp app, MsgTemplateRequest request, CancellationToken ct = default) =>
        _transport.Post<AddMsgTemplateResponse>(app, "externalcontact/add_msg_template", request, ct);
}
