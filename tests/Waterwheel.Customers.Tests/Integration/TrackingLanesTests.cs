using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Ingest;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// A request's calls are stored per lane, one inbox message holding a lane's share; a call that fails inside a stored
/// request is set aside on its own, and the calls around it are handled.
/// </summary>
public abstract class TrackingLanesTests(string provider)
{
    private static async Task<(WaterwheelApp App, Guid Tenant, string WriteKey)> Start(string provider, bool process, int lanes = 1, int slice = 500)
    {
        var app = new WaterwheelApp(await TestDatabase.Create(provider), new Dictionary<string, string?>
        {
            ["Waterwheel:Inbox:RunProcessor"] = process ? "true" : "false",
            ["Waterwheel:Customers:Ingest:Lanes"] = lanes.ToString(),
            ["Waterwheel:Customers:Ingest:CallsPerTransaction"] = slice.ToString(),
            ["Waterwheel:Inbox:PollInterval"] = "00:00:00.100",
        });
        var admin = await app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        using var created = await admin.PostAsJsonAsync("/api/customers/sources", new { name = "小程序" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("writeKey").GetString()!;
        return (app, tenant, key);
    }

    private static Task<int> Pending(WaterwheelApp app) =>
        app.InScope(sp => sp.GetRequiredService<IInboxBacklog>().Pending(TrackingInbox.Source, 1_000, CancellationToken.None));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_batch_of_a_hundred_people_is_stored_as_one_message_per_lane_and_a_retried_request_once(int lanes)
    {
        var (app, _, key) = await Start(provider, process: false, lanes);
        await using var _ = app;
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        var calls = string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"type":"track","userId":"member-{{i}}","messageId":"m-{{i}}","event":"Product Viewed"}"""));
        for (var attempt = 0; attempt < 2; attempt++)
            using (var response = await client.PostAsync("/v1/batch", new StringContent($$"""{"batch":[{{calls}}]}""", Encoding.UTF8, "application/json")))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A hundred people fall into every lane.
        Assert.Equal(lanes, await Pending(app));
    }

    [Fact]
    public async Task Requests_larger_than_a_transactions_slice_are_saved_slice_by_slice_with_every_call_once()
    {
        var (app, tenant, key) = await Start(provider, process: true, slice: 7);
        await using var _ = app;
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        // Each of 30 members is identified once and then seen in later calls, in other slices and other requests.
        for (var request = 0; request < 3; request++)
        {
            var calls = string.Join(",", Enumerable.Range(0, 40).Select(i => request == 0 && i < 30
                ? $$$"""{"type":"identify","userId":"member-{{{i}}}","messageId":"r{{{request}}}-{{{i}}}","traits":{"name":"会员{{{i}}}"}}"""
                : $$"""{"type":"track","userId":"member-{{i % 30}}","messageId":"r{{request}}-{{i}}","event":"Product Viewed"}"""));
            using var response = await client.PostAsync("/v1/batch", new StringContent($$"""{"batch":[{{calls}}]}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Task<(int Lines, int Profiles)> Written() => app.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(tenant);
            var db = sp.GetRequiredService<CustomersDbContext>();
            return (await db.Timeline.CountAsync(), await db.Profiles.CountAsync());
        });
        for (var i = 0; i < 300 && (await Written()).Lines < 120; i++) await Task.Delay(50);
        Assert.Equal((120, 30), await Written());
    }

    [Fact]
    public async Task A_call_that_fails_inside_a_stored_request_is_set_aside_and_the_others_are_handled()
    {
        var (app, tenant, _) = await Start(provider, process: true);
        await using var _ = app;
        var sourceId = await app.InScope(sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(tenant);
            return sp.GetRequiredService<CustomersDbContext>().Sources.Select(s => s.Id).SingleAsync();
        });
        TrackingMessage Call(string user, IReadOnlyDictionary<string, bool>? consent = null) => new()
        {
            Type = "track", SourceId = sourceId, MessageId = "poison-" + user, UserId = user, Event = "Coupon Claimed",
            Consent = consent, Timestamp = TimeProvider.System.GetUtcNow().UtcDateTime, ReceivedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        // A consent code the parser would have left out: the handler cannot take it, as with any poisoned call.
        IReadOnlyList<TrackingMessage> stored = [Call("u-1"), Call("u-2", new Dictionary<string, bool> { ["carrier_pigeon"] = true }), Call("u-3")];
        await app.InScope(sp => sp.GetRequiredService<IInbox>().AcceptAsync(TrackingInbox.Source, "poison-request", tenant,
            TrackingMessage.Store(stored), CancellationToken.None, TrackingLanes.Partition(sourceId, 0)));

        for (var i = 0; i < 300 && await Subjects(app, tenant) is not ["u-1", "u-3"]; i++) await Task.Delay(50);
        Assert.Equal(["u-1", "u-3"], await Subjects(app, tenant));
        // The request itself is done (acknowledged with its round, just after); only the poisoned call waits, alone.
        for (var i = 0; i < 100 && await Pending(app) != 1; i++) await Task.Delay(50);
        Assert.Equal(1, await Pending(app));
        Assert.Contains(app.Log.Lines, l => l.Contains("poison-u-2") && l.Contains("retried on its own"));
    }

    private static Task<string[]> Subjects(WaterwheelApp app, Guid tenant) => app.InScope(async sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(tenant);
        var db = sp.GetRequiredService<CustomersDbContext>();
        var keys = await db.Identities.Where(i => i.Type == Identity.IdentityType.UserId).Select(i => i.Key).ToListAsync();
        return keys.Order().ToArray();
    });
}

public sealed class TrackingLanesSqlite() : TrackingLanesTests("sqlite");

public sealed class TrackingLanesPostgres() : TrackingLanesTests("postgres");
