using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Ingest;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>The Segment-compatible tracking API through the real app: write keys, calls, dedupe, refusals, back-pressure.</summary>
public abstract class TrackingApiTests(string provider) : IAsyncLifetime
{
    private WaterwheelApp _app = null!;
    private HttpClient _admin = null!;
    private Guid _tenant;
    private string _writeKey = "";

    public async Task InitializeAsync()
    {
        _app = new WaterwheelApp(await TestDatabase.Create(provider));
        _admin = await _app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        _tenant = (await _admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        _writeKey = await CreateSource("官网");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> CreateSource(string name)
    {
        using var response = await _admin.PostAsJsonAsync("/api/customers/sources", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("writeKey").GetString()!;
    }

    private Task<HttpResponseMessage> Send(string path, string json, string? key = null)
    {
        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes((key ?? _writeKey) + ":")));
        return client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    }

    private Task<T> Read<T>(Func<CustomersDbContext, Task<T>> query) => _app.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(_tenant);
        return query(sp.GetRequiredService<CustomersDbContext>());
    });

    private async Task Eventually(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await done()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"Gave up waiting for {what}. The server said:\n{string.Join("\n", _app.Log.Lines.TakeLast(5))}");
    }

    [Fact]
    public async Task Identify_then_track_lands_on_one_profile_found_by_its_mobile()
    {
        using (var identified = await Send("/v1/identify", """{"userId":"member-1001","messageId":"m1","traits":{"name":"陈静","phone":"13912345678","gender":"female"}}"""))
            Assert.Equal(HttpStatusCode.OK, identified.StatusCode);
        using (var tracked = await Send("/v1/track", """{"userId":"member-1001","messageId":"m2","event":"Order Completed","properties":{"total":128.5}}"""))
            Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        await Eventually(() => Read(db => db.Timeline.CountAsync(t => t.Kind == TimelineKind.Tracked).ContinueWith(c => c.Result == 1)), "the tracked event");

        var found = await _admin.GetFromJsonAsync<JsonElement>("/api/customers/profiles?q=139-1234-5678");
        var row = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(("陈静", "Female"), (row.GetProperty("name").GetString(), row.GetProperty("gender").GetString()));
        var id = row.GetProperty("id").GetGuid();
        // At the counter a guide asks for the last four digits; the 360 page shows the mobile masked.
        Assert.Equal(id, Assert.Single((await _admin.GetFromJsonAsync<JsonElement>("/api/customers/profiles?q=5678")).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var shown = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles/{id}");
        Assert.Contains(shown.GetProperty("identities").EnumerateArray(), i => i.GetProperty("value").GetString() == "139****5678");
        var value = shown.GetProperty("value");
        Assert.Equal((1, 128.5m), (value.GetProperty("orderCount").GetInt32(), value.GetProperty("totalSpent").GetDecimal()));
        var orders = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles/{id}/orders");
        Assert.Equal(128.5m, Assert.Single(orders.GetProperty("items").EnumerateArray()).GetProperty("amount").GetDecimal());
        var timeline = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles/{id}/timeline");
        Assert.Equal(["Tracked", "Identified"], timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!).ToArray());
        // The mobile lives only encrypted among the identities, never in the timeline's copy of the traits.
        var stored = await Read(db => db.Timeline.Where(t => t.ProfileId == id).Select(t => t.Properties).ToListAsync());
        Assert.DoesNotContain(stored, p => p != null && p.Contains("13912345678"));
        var phone = await Read(db => db.Identities.SingleAsync(i => i.Type == IdentityType.Phone));
        Assert.DoesNotContain("13912345678", phone.Key + phone.Cipher);

        // The data subject's copy holds the mobile in clear, and asking for it is audited.
        var export = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles/{id}/personal-data");
        Assert.Contains(export.GetProperty("identities").EnumerateArray(), i => i.GetProperty("value").GetString() == "13912345678");
        var audit = await _admin.GetFromJsonAsync<JsonElement>($"/api/platform/audit?q={id}");
        Assert.Equal(1, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_retried_call_with_the_same_messageId_has_one_effect()
    {
        const string call = """{"anonymousId":"anon-7","messageId":"retry-1","event":"Order Completed","properties":{"total":30}}""";
        for (var i = 0; i < 3; i++)
            using (var response = await Send("/v1/track", call)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var batch = await Send("/v1/batch", $$"""{"batch":[{{call[..^1]}},"type":"track"}]}""")) Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        await Eventually(() => Read(db => db.Timeline.AnyAsync()), "the event");
        await Task.Delay(300);
        Assert.Equal(1, await Read(db => db.Timeline.CountAsync()));
        Assert.Equal(1, await Read(db => db.Profiles.CountAsync()));
        Assert.Equal((1, 30m), await Read(async db => await db.Profiles.Select(p => new ValueTuple<int, decimal>(p.OrderCount, p.TotalSpent)).SingleAsync()));
    }

    [Fact]
    public async Task A_batch_with_one_bad_call_is_refused_whole_with_every_problem_named()
    {
        using var response = await Send("/v1/batch", """
            {"batch":[{"type":"track","userId":"u1","event":"Added To Cart"},{"type":"track","userId":"u2"},{"type":"page","properties":{}}]}
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["batch[1].event", "batch[2].userId"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());
        await Task.Delay(300);
        Assert.Equal(0, await Read(db => db.Profiles.CountAsync()));
    }

    [Fact]
    public async Task Unknown_and_revoked_keys_are_refused()
    {
        using (var unknown = await Send("/v1/track", """{"userId":"u","event":"e"}""", "wk_00000000000000000000000000000000_nope"))
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var sources = await _admin.GetFromJsonAsync<JsonElement>("/api/customers/sources");
        var id = sources.EnumerateArray().Single().GetProperty("id").GetGuid();
        using (var revoke = await _admin.DeleteAsync($"/api/customers/sources/{id}")) Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var revoked = await Send("/v1/track", """{"userId":"u","event":"e"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_while_reading()
    {
        var big = "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"x\":\"" + new string('a', 600 * 1024) + "\"}}]}";
        using var response = await Send("/v1/batch", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_busy_node_answers_429_with_Retry_After_and_stores_nothing()
    {
        // The options object is the one the pressure gauge reads; no call may be in flight now, so none is admitted.
        _app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxInFlight = 0;
        using var response = await Send("/v1/track", """{"userId":"u","event":"e"}""");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        await Task.Delay(300);
        Assert.Equal(0, await Read(db => db.Timeline.CountAsync()));
    }

    [Fact]
    public async Task A_browser_on_the_brands_site_may_call_the_tracking_API()
    {
        var client = _app.Anonymous();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/track");
        preflight.Headers.Add("Origin", "https://shop.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var answer = await client.SendAsync(preflight);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var call = new HttpRequestMessage(HttpMethod.Post, "/v1/track")
        {
            Content = new StringContent($$"""{"writeKey":"{{_writeKey}}","anonymousId":"a-9","event":"Page Loaded"}""", Encoding.UTF8, "text/plain"),
        };
        call.Headers.Add("Origin", "https://shop.example.com");
        using var response = await client.SendAsync(call);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class TrackingApiSqlite() : TrackingApiTests("sqlite");

public sealed class TrackingApiPostgres() : TrackingApiTests("postgres");
