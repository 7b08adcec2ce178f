using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Waterwheel.WeCom.Callbacks.Crypto;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Tests.Harness;

/// <summary>
/// A stand-in for the SCRM's callback endpoint: it verifies and decrypts with the receiver crypto, records every
/// try, and answers as the test's <see cref="Behaviour"/> says (fail, hang, succeed).
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    public const string Token = "Wh33lT0ken";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly WebApplication _app;
    private readonly List<Received> _received = [];
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly CallbackCrypto _crypto;

    private CallbackReceiver(WebApplication app, string corpId)
    {
        _app = app;
        _crypto = CallbackCrypto.Create(Token, EncodingAesKey, corpId).Value!;
    }

    /// <summary>Given the 1-based try number, the status to answer; may await to simulate a slow receiver.</summary>
    public Func<int, CancellationToken, Task<int>> Behaviour { get; set; } = (_, _) => Task.FromResult(200);

    public TestServer Server => _app.GetTestServer();

    public IReadOnlyList<Received> Received { get { lock (_received) return [.. _received]; } }

    public SimCallbackConfig Config => new(new Uri(Server.BaseAddress, "wecom/callback"), Token, EncodingAesKey);

    public static async Task<CallbackReceiver> Start(string corpId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, corpId);
        app.MapPost("/wecom/callback", (Delegate)receiver.Handle);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> more tries have arrived (no wall-clock timeout: a hang fails the run, not a threshold).</summary>
    public async Task Arrivals(int count)
    {
        for (var i = 0; i < count; i++) await _arrivals.WaitAsync();
    }

    private async Task<IResult> Handle(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted);
        var q = http.Request.Query;
        var plain = _crypto.DecryptMessage(q["msg_signature"], q["timestamp"], q["nonce"], body);
        int attempt;
        lock (_received)
        {
            attempt = _received.Count + 1;
            _received.Add(new Received(attempt, http.Request.QueryString.Value ?? "", body, plain));
        }
        _arrivals.Release();
        var status = await Behaviour(attempt, http.RequestAborted);
        // An empty 200 is WeCom's "accepted, no reply".
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record Received(int Attempt, string QueryString, string Body, CryptoResult<string> Plain);
