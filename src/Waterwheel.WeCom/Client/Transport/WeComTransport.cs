using System.Net.Http.Json;
using System.Text.Json;
using Waterwheel.WeCom.Client.Json;
using Waterwheel.WeCom.Client.Tokens;

namespace Waterwheel.WeCom.Client.Transport;

/// <summary>
/// One WeCom call with the house rules: token in the query string, errcode-based classification, one
/// refresh-and-retry on a rejected token, back-off on busy/throttled codes, per-corp rate and concurrency limits, and
/// typed errors for the rest.
/// </summary>
internal sealed class WeComTransport(HttpClient http, AccessTokenCache tokens, WeComRetryPolicy retry, WeComConcurrency concurrency, IWeComRateBudget limits)
{
    public Task<WeComResult<T>> Get<T>(WeComApp app, string api, CancellationToken ct, params (string Name, string? Value)[] query)
        where T : WeComResponse =>
        Call<T>(app, api, HttpMethod.Get, query, null, ct);

    public Task<WeComResult<T>> Post<T>(WeComApp app, string api, object body, CancellationToken ct) where T : WeComResponse =>
        Call<T>(app, api, HttpMethod.Post, [], () => JsonContent.Create(body, body.GetType(), options: WeComJson.Options), ct);

    /// <summary>
    /// A multipart upload (media/upload_attachment). The content is built anew for every attempt, because a sent
    /// HttpContent is disposed and a retry or token refresh must send the same bytes again.
    /// </summary>
    public Task<WeComResult<T>> Upload<T>(WeComApp app, string api, Func<HttpContent> content, CancellationToken ct, params (string Name, string? Value)[] query)
        where T : WeComResponse =>
        Call<T>(app, api, HttpMethod.Post, query, content, ct);

    public async Task<WeComResult<TokenGrant>> FetchToken(WeComApp app, CancellationToken ct)
    {
        var result = await WithBackoff<TokenResponse>(app.CorpId, "gettoken", HttpMethod.Get,
            [("corpid", app.CorpId), ("corpsecret", app.Secret)], null, ct);
        if (!result.IsSuccess) return result.Error!;
        if (string.IsNullOrEmpty(result.Value!.AccessToken))
            return WeComErrorCatalog.Transport("gettoken", "gettoken answered without an access_token");
        return new TokenGrant(result.Value.AccessToken, result.Value.ExpiresIn);
    }

    private async Task<WeComResult<T>> Call<T>(WeComApp app, string api, HttpMethod method, (string, string?)[] query, Func<HttpContent>? body, CancellationToken ct)
        where T : WeComResponse
    {
        for (var refreshed = false; ; refreshed = true)
        {
            var token = await tokens.Get(app, c => FetchToken(app, c), ct);
            if (!token.IsSuccess) return token.Error!;
            var result = await WithBackoff<T>(app.CorpId, api, method, [.. query, ("access_token", token.Value)], body, ct);
            // WeCom may revoke a token before its expiry: drop it and try once more with a fresh one.
            if (result.Error is { Kind: WeComErrorKind.Token } && !refreshed)
            {
                await tokens.Invalidate(app, token.Value!, ct);
                continue;
            }
            return result;
        }
    }

    private async Task<WeComResult<T>> WithBackoff<T>(string corpId, string api, HttpMethod method, (string, string?)[] query, Func<HttpContent>? body, CancellationToken ct)
        where T : WeComResponse
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnce<T>(corpId, api, method, query, body, ct);
            if (result.IsSuccess || !result.Error!.IsRetryable || attempt >= retry.MaxAttempts) return result;
            await retry.Pause(attempt, ct);
        }
    }

    private async Task<WeComResult<T>> SendOnce<T>(string corpId, string api, HttpMethod method, (string Name, string? Value)[] query, Func<HttpContent>? body, CancellationToken ct)
        where T : WeComResponse
    {
        var (lease, refused) = await limits.Acquire(corpId, api, ct);
        using var _ = lease;
        if (refused is not null) return refused;
        var qs = string.Join('&', query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}"));
        using var request = new HttpRequestMessage(method, $"cgi-bin/{api}?{qs}");
        if (body is not null) request.Content = body();
        using var slot = await concurrency.Enter(corpId, api, ct);
        try
        {
            using var response = await http.SendAsync(request, ct);
            // The status is 200 even for errors; anything else means a proxy or gateway answered, not WeCom.
            if (!response.IsSuccessStatusCode) return WeComErrorCatalog.Transport(api, $"HTTP {(int)response.StatusCode}");
            var parsed = await response.Content.ReadFromJsonAsync<T>(WeComJson.Options, ct);
            if (parsed is null) return WeComErrorCatalog.Transport(api, "empty body");
            return parsed.Errcode == 0 ? parsed : WeComErrorCatalog.From(parsed.Errcode, parsed.Errmsg, api);
        }
        catch (HttpRequestException e) { return WeComErrorCatalog.Transport(api, e.Message); }
        catch (JsonException e) { return WeComErrorCatalog.Transport(api, "unreadable JSON: " + e.Message); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return WeComErrorCatalog.Transport(api, "timed out"); }
    }

    private sealed class TokenResponse : WeComResponse
    {
        public string? AccessToken { get; init; }
        public int ExpiresIn { get; init; }
    }
}
