using System.Security.Cryptography;

namespace Waterwheel.WeCom.Simulator.State;

/// <summary>
/// access_tokens with WeCom's lifecycle: the same token is returned while it is valid, it expires after
/// <see cref="ExpiresIn"/>, and a test can revoke it early (WeCom does so without notice).
/// </summary>
public sealed class SimTokens(TimeProvider time)
{
    private readonly object _sync = new();
    private readonly Dictionary<string, Issued> _byToken = [];
    private readonly Dictionary<(string, string), Issued> _current = [];

    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>How many tokens gettoken has issued (not how often it was called): tests assert the client caches.</summary>
    public int IssuedCount { get; private set; }

    public int GetTokenCalls { get; private set; }

    public (string Token, int ExpiresIn) Issue(string corpId, string secret)
    {
        lock (_sync)
        {
            GetTokenCalls++;
            var now = time.GetUtcNow();
            if (_current.TryGetValue((corpId, secret), out var current) && !current.Revoked && now < current.ExpiresAt)
                return (current.Token, (int)(current.ExpiresAt - now).TotalSeconds);
            var issued = new Issued(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), corpId, now + ExpiresIn);
            _byToken[issued.Token] = issued;
            _current[(corpId, secret)] = issued;
            IssuedCount++;
            return (issued.Token, (int)ExpiresIn.TotalSeconds);
        }
    }

    /// <summary>The corp a token belongs to, or the errcode WeCom would answer: 41001 missing, 40014 invalid/revoked, 42001 expired.</summary>
    public (string? CorpId, int Errcode) Validate(string? token)
    {
        if (string.IsNullOrEmpty(token)) return (null, 41001);
        lock (_sync)
        {
            if (!_byToken.TryGetValue(token, out var issued) || issued.Revoked) return (null, 40014);
            return time.GetUtcNow() >= issued.ExpiresAt ? (null, 42001) : (issued.CorpId, 0);
        }
    }

    /// <summary>Test hook: WeCom may revoke a token before it expires.</summary>
    public void RevokeAll()
    {
        lock (_sync)
            foreach (var issued in _byToken.Values) issued.Revoked = true;
    }

    /// <summary>Test hook: every token expires now (42001 from here on), unlike a revocation (40014).</summary>
    public void ExpireAll()
    {
        lock (_sync)
            foreach (var issued in _byToken.Values) issued.ExpiresAt = time.GetUtcNow();
    }

    private sealed class Issued(string token, string corpId, DateTimeOffset expiresAt)
    {
        public string Token { get; } = token;
        public string CorpId { get; } = corpId;
        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
        public bool Revoked { get; set; }
    }
}
