namespace Waterwheel.WeCom.Client;

/// <summary>
/// A welcome message for new members of customer groups (入群欢迎语素材). Text ≤3000 bytes and may carry
/// %NICKNAME%, which WeCom replaces with the joiner's name; at most one attachment, of the kinds send_welcome_msg
/// takes. WeCom spells them as top-level fields, not an attachments array. A corp keeps at most 100 templates (41055).
/// </summary>
public sealed class GroupWelcomeTemplate
{
    /// <summary>Set for edit; the answer of add and the key of get and delete.</summary>
    public string? TemplateId { get; init; }
    public TextContent? Text { get; init; }
    public ImageAttachment? Image { get; init; }
    public LinkAttachment? Link { get; init; }
    public MiniprogramAttachment? Miniprogram { get; init; }
    public MediaAttachment? File { get; init; }
    public MediaAttachment? Video { get; init; }
    /// <summary>The app the template belongs to, for third-party apps.</summary>
    public int? Agentid { get; init; }
    /// <summary>1 (default) tells the members a new template is available; add only.</summary>
    public int? Notify { get; init; }
}

public sealed class AddGroupWelcomeTemplateResponse : WeComResponse
{
    public string TemplateId { get; init; } = "";
}

public sealed class GetGroupWelcomeTemplateResponse : WeComResponse
{
    public TextContent? Text { get; init; }
    public ImageAttachment? Image { get; init; }
    public LinkAttachment? Link { get; init; }
    public MiniprogramAttachment? Miniprogram { get; init; }
    public MediaAttachment? File { get; init; }
    public MediaAttachment? Video { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<AddGroupWelcomeTemplateResponse>> AddGroupWelcomeTemplate(WeComApp app, GroupWelcomeTemplate template, CancellationToken ct = default);
    Task<WeComResult<WeComResponse>> EditGroupWelcomeTemplate(WeComApp app, GroupWelcomeTemplate template, CancellationToken ct = default);
    Task<WeComResult<GetGroupWelcomeTemplateResponse>> GetGroupWelcomeTemplate(WeComApp app, string templateId, CancellationToken ct = default);
    Task<WeComResult<WeComResponse>> DeleteGroupWelcomeTemplate(WeComApp app, string templateId, int? agentid = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<AddGroupWelcomeTemplateResponse>> AddGroupWelcomeTemplate(WeComApp app, GroupWelcomeTemplate template, CancellationToken ct = default) =>
        _transport.Post<AddGroupWelcomeTemplateResponse>(app, "externalcontact/group_welcome_template/add", template, ct);

    public Task<WeComResult<WeComResponse>> EditGroupWelcomeTemplate(WeComApp app, GroupWelcomeTemplate template, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/group_welcome_template/edit", template, ct);

    public Task<WeComResult<GetGroupWelcomeTemplateResponse>> GetGroupWelcomeTemplate(WeComApp app, string templateId, CancellationToken ct = default) =>
        _transport.Post<GetGroupWelcomeTemplateResponse>(app, "externalcontact/group_welcome_template/get", new { template_id = templateId }, ct);

    public Task<WeComResult<WeComResponse>> DeleteGroupWelcomeTemplate(WeComApp app, string templateId, int? agentid = null, CancellationToken ct = default) =>
        _transport.Post<WeComResponse>(app, "externalcontact/group_welcome_template/del", new { template_id = templateId, agentid }, ct);
}
