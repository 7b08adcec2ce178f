namespace Waterwheel.WeCom.Contracts;

/// <summary>A welcome message: text and up to 9 attachments (WeCom's limit), at least one of the two.</summary>
public sealed record WelcomeContent(string? Text, IReadOnlyList<WelcomeAttachment>? Attachments = null);

/// <summary>One attachment of a welcome message.</summary>
public abstract record WelcomeAttachment;

/// <summary>An image: an uploaded media_id (3 days) or a picture URL.</summary>
public sealed record WelcomeImage(string? MediaId = null, string? PicUrl = null) : WelcomeAttachment;

public sealed record WelcomeLink(string Title, string Url, string? PicUrl = null, string? Description = null) : WelcomeAttachment;

public sealed record WelcomeMiniprogram(string Title, string PicMediaId, string AppId, string Page) : WelcomeAttachment;

public enum WelcomeStatus
{
    Sent,

    /// <summary>WeCom says it was delivered already (or the chat began): the welcome is done, do not send again.</summary>
    AlreadyDelivered,

    /// <summary>The code's 20 seconds are over: retrying cannot help.</summary>
    CodeExpired,

    /// <summary>The tenant has no working WeCom connection.</summary>
    NotConnected,

    /// <summary>WeCom refused or could not be reached; <see cref="WelcomeOutcome.Retryable"/> says whether to try again.</summary>
    Failed,
}

/// <summary>How a welcome went; Error is written for an operator (which setting to fix), never carries personal data.</summary>
public sealed record WelcomeOutcome(WelcomeStatus Status, string? Error = null, bool Retryable = false)
{
    /// <summary>Nothing more to do: it was delivered, now or before.</summary>
    public bool Done => Status is WelcomeStatus.Sent or WelcomeStatus.AlreadyDelivered;
}
