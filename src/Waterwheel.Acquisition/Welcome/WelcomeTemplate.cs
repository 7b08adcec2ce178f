namespace Waterwheel.Acquisition.Welcome;

/// <summary>
/// A code's welcome: text with merge fields ({客户昵称}, {导购姓名}, {门店名称}) and up to 9 attachments, checked
/// against WeCom's limits when the code is saved so that a send never fails for size.
/// </summary>
internal sealed record WelcomeTemplate
{
    public string Text { get; init; } = "";
    public List<WelcomeItem> Attachments { get; init; } = [];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Attachments.Count == 0;
}

public enum WelcomeItemKind { Image, Link, MiniProgram }

/// <summary>One attachment. Image: PicUrl or MediaId. Link: Title, Url, PicUrl?, Description?. Mini-program: Title, AppId, Page, MediaId (cover).</summary>
public sealed record WelcomeItem(WelcomeItemKind Kind, string? Title = null, string? Url = null, string? PicUrl = null, string? Description = null,
    string? MediaId = null, string? AppId = null, string? Page = null);
