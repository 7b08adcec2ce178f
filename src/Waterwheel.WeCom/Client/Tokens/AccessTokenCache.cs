using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Waterwheel.WeCom.Client.Tokens;

/// <summary>
/// access_token per (corpid, secret), shared through <see cref="IDistributedCache"/> so several nodes do not each
/// hammer gettoken (which WeCom blocks when called too often). Refreshes early, and only one refresh per key runs
/// at a time in this process.
/// </summary>
internal sealed class AccessTokenCache(IDistributedCache cache, TimeProvider time, IOptions<WeComOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    // Every WeCom call reads the token, so its key (a hash of the secret) and the last entry read under each key are
    // kept: the distributed cache is still asked every time, but the same bytes are not hashed and parsed again.
    private readonly ConcurrentDictionary<WeComApp, string> _keys = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, CachedToken? Token)> _parsed = new();

    public delegate Task<WeComResult<TokenGrant>> Fetch(CancellationToken ct);

    public async Task<WeComResult<string>> Get(WeComApp app, Fetch fetch, CancellationToken ct)
    {
        var key = Key(app);
        if (await Read(key, ct) is { } fresh) return fresh;

        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Whoever held the gate before us has probably refreshed already.
            if (await Read(key, ct) is { } refreshed) return refreshed;
            var grant = await fetch(ct);
            if (!grant.IsSuccess) return grant.Error!;
            await Write(key, grant.Value!, ct);
            return grant.Value!.AccessToken;
        }
        finally { gate.Release(); }
    }

    /// <summary>Drops the token only if it is still the rejected one, so a token another caller just fetched survives.</summary>
    public async Task Invalidate(WeComApp app, string rejected, CancellationToken ct)
    {
        var key = Key(app);
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var bytes = await cache.GetAsync(key, ct);
            if (bytes is not null && JsonSerializer.Deserialize<CachedToken>(bytes)?.AccessToken == rejected)
                await cache.RemoveAsync(key, ct);
        }
        finally { gate.Release(); }
    }

    private async Task<string?> Read(string key, CancellationToken ct)
    {
        var bytes = await cache.GetAsync(key, ct);
        if (bytes is null) return null;
        var token = Parse(key, bytes);
        return token is not null && time.GetUtcNow() < token.RefreshAt ? token.AccessToken : null;
    }

    private CachedToken? Parse(string key, byte[] bytes)
    {
        if (_parsed.TryGetValue(key, out var last) && bytes.AsSpan().SequenceEqual(last.Bytes)) return last.Token;
        var token = JsonSerializer.Deserialize<CachedToken>(bytes);
        _parsed[key] = (bytes, token);
        return token;
    }

    private Task Write(string key, TokenGrant grant, CancellationToken ct)
    {
        var lifetime = TimeSpan.FromSeconds(Math.Max(grant.ExpiresIn, 1));
        // A short-lived token (e.g. a simulator set to 60 s) would otherwise be stale the moment it arrives.
        var margin = TimeSpan.FromTicks(Math.Min(options.Value.RefreshBeforeExpiry.Ticks, lifetime.Ticks / 2));
        var now = time.GetUtcNow();
        var entry = new CachedToken(grant.AccessToken, now + lifetime - margin);
        return cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(entry),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime - margin }, ct);
    }

    // The secret is hashed so it never sits in plain text in Redis key listings.
    private string Key(WeComApp app) => _keys.GetOrAdd(app, static a =>
        $"wecom:token:{a.CorpId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.Secret)))[..16]}");
}

/// <summary>What gettoken answered.</summary>
internal sealed record TokenGrant(string AccessToken, int ExpiresIn);
