namespace Waterwheel.WeCom.Connections;

/// <summary>
/// How one tenant reaches its WeCom corp: the self-built app's secret and the callback token and AES key entered
/// in WeCom's admin console. Secrets are stored encrypted; the callback URL is /wecom/callback/{tenant id}.
/// </summary>
internal sealed class CorpConnection
{
    public Guid TenantId { get; init; }
    public required string CorpId { get; set; }
    public required string SecretCipher { get; set; }
    public required string CallbackToken { get; set; }
    public required string AesKeyCipher { get; set; }

    /// <summary>Sent to a new customer when WeCom hands us a welcome code and nothing more specific applies.</summary>
    public string WelcomeText { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastTestedAt { get; set; }
    public string? LastTestResult { get; set; }
    public int Version { get; set; }
}
