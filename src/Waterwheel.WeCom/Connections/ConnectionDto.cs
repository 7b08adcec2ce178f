namespace Waterwheel.WeCom.Connections;

/// <summary>
/// A tenant's WeCom settings as the settings page shows them: secrets never leave the server. The callback token
/// signs callbacks, so whoever holds it (with the AES key) can forge them: it is shown masked, enough to recognise.
/// </summary>
public sealed record ConnectionDto(
    string CorpId, bool HasSecret, string CallbackTokenMasked, bool HasAesKey, string WelcomeText,
    string CallbackPath, DateTime? LastTestedAt, string? LastTestResult, int Version);

public sealed record SaveConnectionRequest
{
    public string CorpId { get; set; } = "";

    /// <summary>The self-built app's Secret; empty keeps the stored one.</summary>
    public string? Secret { get; set; }

    /// <summary>The Token from WeCom's API receive settings; empty keeps the stored one.</summary>
    public string? CallbackToken { get; set; }

    /// <summary>The 43-character EncodingAESKey; empty keeps the stored one.</summary>
    public string? EncodingAesKey { get; set; }
    public string WelcomeText { get; set; } = "";
}

internal sealed class SaveConnectionValidator : FluentValidation.AbstractValidator<SaveConnectionRequest>
{
    public SaveConnectionValidator()
    {
        RuleFor(r => r.CorpId).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9]+$");
        RuleFor(r => r.Secret).MaximumLength(128);
        RuleFor(r => r.CallbackToken).MaximumLength(32).Matches("^[A-Za-z0-9]+$").When(r => !string.IsNullOrEmpty(r.CallbackToken))
            .WithMessage(_ => ConnectionText.Get("TokenFormat"));
        RuleFor(r => r.EncodingAesKey).Matches("^[A-Za-z0-9]{43}$").When(r => !string.IsNullOrEmpty(r.EncodingAesKey))
            .WithMessage(_ => ConnectionText.Get("AesKeyFormat"));
        RuleFor(r => r.WelcomeText).MaximumLength(2000);
    }
}
