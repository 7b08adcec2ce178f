using Waterwheel.WeCom.Client.Tokens;
using Waterwheel.WeCom.Client.Transport;

namespace Waterwheel.WeCom.Client;

/// <summary>The HttpClient-backed implementation; the endpoint methods live beside their DTOs in the use-case files.</summary>
internal sealed partial class WeComClient(HttpClient http, AccessTokenCache tokens, WeComRetryPolicy retry, WeComConcurrency concurrency, IWeComRateBudget limits)
    : IWeComClient
{
    private readonly WeComTransport _transport = new(http, tokens, retry, concurrency, limits);

    public Task<WeComResult<string>> GetAccessToken(WeComApp app, CancellationToken ct = default) =>
        tokens.Get(app, c => _transport.FetchToken(app, c), ct);
}
