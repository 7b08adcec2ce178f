namespace Waterwheel.WeCom.Client;

public partial interface IWeComClient
{
    /// <summary>externalcontact/remind_groupmsg_send: at most 3 reminders per 24 h (41094).</summary>
    Task<WeComResult<WeComResponse>> RemindGroupMsgSend(WeComApp app, string msgid, CancellationToken ct = default);

    /// <summary>externalcontact/cancel_groupmsg_send: stops members who have not confirmed yet; 41093 if already cancelled.</summary>
    Task<WeComResult<WeComResponse>> CancelGroupMsgSend(WeComApp app, string msgid, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> RemindGroupMsgSend(WeComApp app, string msgid, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/remind_groupmsg_send", new { msgid }, ct);

    public Task<WeComResult<WeComResponse>> CancelGroupMsgSend(WeComApp app, string msgid, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/cancel_groupmsg_send", new { msgid }, ct);
}
