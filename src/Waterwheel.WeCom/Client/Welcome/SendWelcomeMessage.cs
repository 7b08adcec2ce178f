namespace Waterwheel.WeCom.Client;

public sealed record TextContent(string Content);

public sealed record ImageAttachment(string? MediaId = null, string? PicUrl = null);

// WeCom spells these without underscores (picurl, appid), hence the glued property names.
public sealed record LinkAttachment(string Title, string Url, string? Picurl = null, string? Desc = null);

public sealed record MiniprogramAttachment(string Title, string PicMediaId, string Appid, string Page);

public sealed record MediaAttachment(string MediaId);

/// <summary>One attachment; Msgtype says which of the payloads is set (image, link, miniprogram, video, file).</summary>
public sealed record Attachment(
    string Msgtype,
    ImageAttachment? Image = null,
    LinkAttachment? Link = null,
    MiniprogramAttachment? Miniprogram = null,
    MediaAttachment? Video = null,
    MediaAttachment? File = null);

/// <summary>The code comes from add_external_contact, lives 20 s and works once; at most 9 attachments.</summary>
public sealed record WelcomeMessage(string WelcomeCode, TextContent? Text = null, IReadOnlyList<Attachment>? Attachments = null);

public partial interface IWeComClient
{
    /// <summary>
    /// externalcontact/send_welcome_msg. 41051 (already delivered) is final; 41096 (another app is delivering) is
    /// retried by the client like any busy code.
    /// </summary>
    Task<WeComResult<WeComResponse>> SendWelcomeMessage(WeComApp app, WelcomeMessage message, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<WeComResponse>> SendWelcomeMessage(WeComApp app, WelcomeMessage message, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/send_welcome_msg", message, ct);
}
