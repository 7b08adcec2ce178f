using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade;

/// <summary>Another module's welcome message for a new contact, sent with the code of the contact's add event.</summary>
internal sealed class SendWelcome(TenantCorps corps, IWeComClient client)
{
    private const int MaxAttachments = 9;

    public async Task<WelcomeOutcome> Handle(Guid tenantId, string welcomeCode, WelcomeContent content, CancellationToken ct)
    {
        var attachments = content.Attachments ?? [];
        if (string.IsNullOrEmpty(content.Text) && attachments.Count == 0) return Refused("A welcome message needs text or an attachment.");
        if (attachments.Count > MaxAttachments) return Refused($"WeCom takes at most {MaxAttachments} attachments in a welcome message.");
        if (string.IsNullOrEmpty(welcomeCode)) return new WelcomeOutcome(WelcomeStatus.CodeExpired, "There is no welcome code: WeCom gave none for this add.");
        if (await corps.Find(tenantId, ct) is not { } corp)
            return new WelcomeOutcome(WelcomeStatus.NotConnected, "This tenant has no working WeCom connection (设置 → 企业微信连接).");

        var message = new WelcomeMessage(welcomeCode, content.Text is { Length: > 0 } text ? new TextContent(text) : null,
            attachments.Count == 0 ? null : attachments.Select(ToAttachment).ToList());
        var sent = await client.SendWelcomeMessage(corp.App, message, ct);
        if (sent.IsSuccess) return new WelcomeOutcome(WelcomeStatus.Sent);
        return sent.Error!.ErrCode switch
        {
            WelcomeSender.AlreadyDelivered => new WelcomeOutcome(WelcomeStatus.AlreadyDelivered),
            WelcomeSender.CodeExpired => new WelcomeOutcome(WelcomeStatus.CodeExpired, sent.Error.Message),
            _ => new WelcomeOutcome(WelcomeStatus.Failed, sent.Error.Message, sent.Error.IsRetryable),
        };
    }

    private static WelcomeOutcome Refused(string why) => new(WelcomeStatus.Failed, why);

    /// <summary>The wire form of an attachment; shared with the welcome sent on a contact's add.</summary>
    internal static Attachment ToAttachment(WelcomeAttachment attachment) => attachment switch
    {
        WelcomeImage i => new Attachment("image", Image: new ImageAttachment(i.MediaId, i.PicUrl)),
        WelcomeLink l => new Attachment("link", Link: new LinkAttachment(l.Title, l.Url, l.PicUrl, l.Description)),
        WelcomeMiniprogram m => new Attachment("miniprogram", Miniprogram: new MiniprogramAttachment(m.Title, m.PicMediaId, m.AppId, m.Page)),
        _ => throw new ArgumentOutOfRangeException(nameof(attachment), attachment.GetType().Name, "Not a welcome attachment WeCom knows."),
    };
}
