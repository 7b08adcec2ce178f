using System.Net;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Client.Tokens;
using Waterwheel.WeCom.Client.Transport;

namespace Waterwheel.WeCom.Tests.Client;

/// <summary>Failures before WeCom answers with an errcode: gateways, garbage bodies, dropped connections.</summary>
public sealed class TransportFailureTests
{
    private sealed class Scripted(Queue<Func<HttpResponseMessage>> answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Calls++;
            return Task.FromResult(answers.Dequeue()());
        }
    }

    private static (IWeComClient, Scripted, List<TimeSpan>) Client(params Func<HttpResponseMessage>[] answers)
    {
        var handler = new Scripted(new Queue<Func<HttpResponseMessage>>(answers));
        var options = Options.Create(new WeComOptions());
        var time = new FakeTimeProvider();
        var waits = new List<TimeSpan>();
        var tokens = new AccessTokenCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), time, options);
        var retry = new WeComRetryPolicy(options, time) { Jitter = () => 1, Wait = (d, _) => { waits.Add(d); return Task.CompletedTask; } };
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://wecom.test/") };
        return (new WeComClient(http, tokens, retry, new WeComConcurrency(options), new WeComRateLimits(options)), handler, waits);
    }

    private static Func<HttpResponseMessage> Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(body) };

    private static readonly Func<HttpResponseMessage> Token = Json("""{"errcode":0,"access_token":"t1","expires_in":7200}""");

    [Fact]
    public async Task Gateway_errors_and_garbage_are_retried_as_transport_failures()
    {
        var (client, handler, waits) = Client(Token, Json("<html>bad gateway</html>", HttpStatusCode.BadGateway), Json("<html>oops</html>"),
            Json("""{"errcode":0,"follow_user":["u1"]}"""));
        var result = await client.GetFollowUserList(new WeComApp("ww1", "s"));
        Assert.Equal(["u1"], result.Value!.FollowUser);
        Assert.Equal(4, handler.Calls);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public async Task Persistent_transport_failure_is_a_transport_error()
    {
        var (client, _, _) = Client(Token, () => throw new HttpRequestException("connection refused"),
            () => throw new HttpRequestException("connection refused"), () => throw new HttpRequestException("connection refused"));
        var error = (await client.GetFollowUserList(new WeComApp("ww1", "s"))).Error!;
        Assert.Equal((WeComErrorKind.Transport, (int?)null), (error.Kind, error.ErrCode));
        Assert.Contains("connection refused", error.Message);
    }

    [Fact]
    public async Task Token_request_goes_to_gettoken_and_the_token_rides_in_the_query()
    {
        var seen = new List<string>();
        var handler = new Recording(seen);
        var options = Options.Create(new WeComOptions());
        var time = new FakeTimeProvider();
        var client = new WeComClient(new HttpClient(handler) { BaseAddress = new Uri("https://wecom.test/") },
            new AccessTokenCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), time, options),
            new WeComRetryPolicy(options, time), new WeComConcurrency(options), new WeComRateLimits(options));
        await client.ListExternalContacts(new WeComApp("ww1", "s&x"), "li.na");
        Assert.Equal(["https://wecom.test/cgi-bin/gettoken?corpid=ww1&corpsecret=s%26x",
            "https://wecom.test/cgi-bin/externalcontact/list?userid=li.na&access_token=t1"], seen);
    }

    private sealed class Recording(List<string> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            seen.Add(request.RequestUri!.ToString());
            var body = seen.Count == 1 ? """{"errcode":0,"access_token":"t1","expires_in":7200}""" : """{"errcode":0,"external_userid":[]}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        }
    }
}
