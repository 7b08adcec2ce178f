using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Arrivals;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// A known run of adds and deletions gives exact funnel numbers, counted by the day in Shanghai (a customer who adds
/// at 00:00 local is the next day's, though it is still the same day in UTC), with retention unknown until it can be.
/// </summary>
public abstract class FunnelTests(string provider) : IAsyncLifetime
{
    private AcquisitionBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task Adds_and_deletions_give_exact_numbers_by_Shanghai_day_and_cost_per_fan()
    {
        // The fake clock starts at 10:00 in Shanghai (02:00 UTC) on day D.
        var d = _brand.Time.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(d);
        // The campaign's 100 yuan are a one-off on the day it is made; the poster's 200 are spent over 10 days from D.
        var campaign = await _brand.Created("/api/acquisition/channels", new { name = "双十一", kind = "Event", cost = 100m });
        var channel = await _brand.Created("/api/acquisition/channels",
            new { name = "地铁海报", kind = "Poster", cost = 200m, parentId = campaign, spendFrom = day, spendTo = day.AddDays(9) });
        await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/channels", new { name = "半截", kind = "Ad", cost = 1m, spendFrom = day }),
            HttpStatusCode.BadRequest);
        await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/channels",
            new { name = "倒置", kind = "Ad", cost = 1m, spendFrom = day, spendTo = day.AddDays(-1) }), HttpStatusCode.BadRequest);
        var code = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes",
            new { channelId = channel, name = "地铁码", pool = new[] { new { staffId = _brand.Staff["guide.li"] } } }), HttpStatusCode.Created);
        var state = code.GetProperty("state").GetString()!;
        await Add("wm-c1", d, state);                                         // D 10:00
        await Add("wm-c2", d.AddHours(14).AddSeconds(-1), state);             // D 23:59:59
        await Add("wm-c3", d.AddHours(14), state);                            // D+1 00:00, still D in UTC
        await Add("wm-c4", d.AddHours(22), state);                            // D+1 08:00
        await Lose("wm-c3", d.AddHours(14).AddMinutes(30));                   // gone within its first day
        await Lose("wm-c2", d.AddDays(2).AddHours(2));                        // D+2 12:00: stayed a day, not a week
        await Lose("wm-unknown", d.AddHours(1));                              // not one of ours: nothing changes

        // At D+2 13:00 a day's retention is known for both days, a week's for neither.
        _brand.Time.SetUtcNow(new DateTimeOffset(d.AddDays(2).AddHours(3), TimeSpan.Zero));
        var early = await Funnel($"channelId={campaign}&from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}");
        Assert.Equal([(2, 1, 2, (int?)null), (2, 1, 1, null)], Days(early).Select(x => (x.Adds, x.Deleted, x.R1, x.R7)));

        _brand.Time.SetUtcNow(new DateTimeOffset(d.AddDays(40), TimeSpan.Zero));
        var late = await Funnel($"channelId={campaign}&from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}");
        // The code gives no tags: nobody was tagged, though tagging is done with every arrival.
        Assert.Equal([(day, 2, 0, 1, 2, (int?)1, (int?)1), (day.AddDays(1), 2, 0, 1, 1, 1, 1)],
            Days(late).Select(x => (x.Day, x.Adds, x.Tagged, x.Deleted, x.R1, x.R7, x.R30)));
        var total = late.GetProperty("total");
        Assert.Equal((4, 2, 3, 2, 2), (total.GetProperty("adds").GetInt32(), total.GetProperty("deleted").GetInt32(),
            total.GetProperty("retained1").GetInt32(), total.GetProperty("retained7").GetInt32(), total.GetProperty("retained30").GetInt32()));
        // Spent on D and D+1: the campaign's 100 and two of the poster's ten days (40), over the span's 4 fans and its 2 still there.
        Assert.Equal([120m, 20m], late.GetProperty("days").EnumerateArray().Select(x => x.GetProperty("spent").GetDecimal()));
        Assert.Equal((140m, 2, 35m, 70m), (late.GetProperty("cost").GetDecimal(), late.GetProperty("fansPresent").GetInt32(),
            late.GetProperty("costPerFan").GetDecimal(), late.GetProperty("costPerRetainedFan").GetDecimal()));
        // All time: the whole 300 yuan over every fan, and over those still there.
        var lifetime = late.GetProperty("lifetime");
        Assert.Equal((300m, 4, 2, 75m, 150m), (lifetime.GetProperty("cost").GetDecimal(), lifetime.GetProperty("fansEver").GetInt32(),
            lifetime.GetProperty("fansPresent").GetInt32(), lifetime.GetProperty("costPerFan").GetDecimal(), lifetime.GetProperty("costPerRetainedFan").GetDecimal()));
        // A week later only the poster spends: 5 days of it, with nobody added, is a cost without a cost per fan.
        var after = await Funnel($"channelId={campaign}&from={day.AddDays(5):yyyy-MM-dd}&to={day.AddDays(9):yyyy-MM-dd}");
        Assert.Equal((100m, JsonValueKind.Null), (after.GetProperty("cost").GetDecimal(), after.GetProperty("costPerFan").ValueKind));

        // A code's share of its channel's cost is not known: its funnel has none.
        var oneCode = await Funnel($"codeId={code.GetProperty("id").GetGuid()}&from={day.AddDays(1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(2, Assert.Single(Days(oneCode)).Adds);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (oneCode.GetProperty("cost").ValueKind, oneCode.GetProperty("lifetime").GetProperty("cost").ValueKind));
        await Funnel($"from={day:yyyy-MM-dd}&to={day.AddDays(-1):yyyy-MM-dd}", HttpStatusCode.BadRequest);
        await Funnel($"channelId={Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_funnel_counts_scans_tags_given_and_orders_within_30_days_and_ranks_the_guides()
    {
        var tag = await _brand.Tag("门店来源");
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "门店海报", kind = "Poster", cost = 90m });
        var tagging = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes",
            new { channelId = channel, name = "打标码", pool = new[] { new { staffId = _brand.Staff["guide.li"] } }, tagIds = new[] { tag } }), HttpStatusCode.Created);
        var plain = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes",
            new { channelId = channel, name = "普通码", pool = new[] { new { staffId = _brand.Staff["guide.wang"] } } }), HttpStatusCode.Created);
        var writeKey = await WriteKey();
        // The customers are known to the Customers module first (a till identified them), so the code's tags land at once.
        foreach (var customer in new[] { "wm-f1", "wm-f2", "wm-f3" }) await Track(writeKey, "identify", customer, 0);

        var d = _brand.Time.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(d);
        await Add("wm-f1", d, tagging.GetProperty("state").GetString()!, "guide.li");
        await Add("wm-f2", d.AddMinutes(1), tagging.GetProperty("state").GetString()!, "guide.li");
        await Add("wm-f3", d.AddMinutes(2), plain.GetProperty("state").GetString()!, "guide.wang");
        await _brand.AsTenant(async sp =>
        {
            var counter = sp.GetRequiredService<Waterwheel.Acquisition.Routing.LandingCounter>();
            for (var i = 0; i < 5; i++) await counter.Add(_brand.TenantId, tagging.GetProperty("id").GetGuid(), Waterwheel.Acquisition.Routing.LandingEvent.View, default);
            return 0;
        });

        // wm-f1 buys two days after adding; wm-f3 only after 40 days, too late to count.
        _brand.Time.Advance(TimeSpan.FromDays(2));
        await Track(writeKey, "track", "wm-f1", 1);
        _brand.Time.Advance(TimeSpan.FromDays(38));
        await Track(writeKey, "track", "wm-f3", 1);

        var span = $"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";
        var total = (await Funnel($"channelId={channel}&{span}")).GetProperty("total");
        Assert.Equal((5, 3, 2, 1), (total.GetProperty("scans").GetInt32(), total.GetProperty("adds").GetInt32(), total.GetProperty("tagged").GetInt32(),
            total.GetProperty("ordered30").GetInt32()));
        // Narrowed to a guide, the scans are no one's: a scan happens before a guide is chosen.
        var wang = (await Funnel($"staffUserId=guide.wang&{span}")).GetProperty("total");
        Assert.Equal((JsonValueKind.Null, 1, 0, 0), (wang.GetProperty("scans").ValueKind, wang.GetProperty("adds").GetInt32(), wang.GetProperty("tagged").GetInt32(),
            wang.GetProperty("ordered30").GetInt32()));

        using var admin = await _brand.App.SignedIn(Waterwheel.Testing.WaterwheelApp.AdminUser, Waterwheel.Testing.WaterwheelApp.AdminPassword);
        var board = (await AcquisitionBrand.Send(admin.GetAsync($"/api/acquisition/funnel/guides?{span}"))).EnumerateArray().ToList();
        Assert.Equal([("guide.li", "李娜", 2, 2, 1), ("guide.wang", "王芳", 1, 1, 0)], board.Select(r => (r.GetProperty("staffUserId").GetString(),
            r.GetProperty("name").GetString(), r.GetProperty("adds").GetInt32(), r.GetProperty("present").GetInt32(), r.GetProperty("ordered30").GetInt32())));
        Assert.Equal(AcquisitionBrand.StoreName, board[0].GetProperty("storeName").GetString());
    }

    private async Task<string> WriteKey() =>
        (await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/customers/sources", new { name = "门店收银" }), HttpStatusCode.Created))
        .GetProperty("writeKey").GetString()!;

    /// <summary>An identify (a profile holding the WeCom contact) or an order for it, through the tracking API; waits until it is on the timeline.</summary>
    private async Task Track(string writeKey, string call, string externalUserId, int orders)
    {
        using var client = _brand.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(writeKey + ":")));
        var context = new { externalIds = new[] { new { id = externalUserId, type = "wecom_external_userid" } } };
        object body = call == "track"
            ? new { anonymousId = "till-" + externalUserId, messageId = Guid.NewGuid().ToString("N"), @event = "Order Completed", properties = new { total = 99 }, context }
            : new { anonymousId = "till-" + externalUserId, messageId = Guid.NewGuid().ToString("N"), traits = new { name = "顾客" + externalUserId[^1..] }, context };
        await AcquisitionBrand.Send(client.PostAsJsonAsync($"/v1/{call}", body));
        await AcquisitionBrand.Eventually(() => _brand.AsTenant(async sp =>
            {
                var facts = sp.GetRequiredService<Waterwheel.Customers.Contracts.ICustomerFacts>();
                if (await facts.ProfileOfWeComContact(externalUserId, default) is not { } profile) return false;
                return (await facts.Find(profile, default))?.OrderCount == orders;
            }), $"the {call} of {externalUserId}");
    }

    /// <summary>Signed in afresh: the fake clock has moved past the first session's lifetime.</summary>
    private async Task<JsonElement> Funnel(string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var admin = await _brand.App.SignedIn(Waterwheel.Testing.WaterwheelApp.AdminUser, Waterwheel.Testing.WaterwheelApp.AdminPassword);
        return await AcquisitionBrand.Send(admin.GetAsync($"/api/acquisition/funnel?{query}"), expected);
    }

    private static IEnumerable<(DateOnly Day, int Adds, int Tagged, int Deleted, int? R1, int? R7, int? R30)> Days(JsonElement funnel) =>
        funnel.GetProperty("days").EnumerateArray().Select(x => (DateOnly.Parse(x.GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            x.GetProperty("adds").GetInt32(), x.GetProperty("tagged").GetInt32(), x.GetProperty("deleted").GetInt32(),
            Optional(x, "retained1"), Optional(x, "retained7"), Optional(x, "retained30")));

    private static int? Optional(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    private Task Add(string customer, DateTime at, string state, string staff = "guide.li") => _brand.AsTenant(async sp =>
    {
        await sp.GetRequiredService<ArrivalIntake>().Handle(new CustomerAddedStaff(_brand.TenantId, customer, staff, state, 1, at, true), default);
        return 0;
    });

    private Task Lose(string customer, DateTime at) => _brand.AsTenant(async sp =>
    {
        await sp.GetRequiredService<ArrivalEnds>().Handle(new CustomerLost(_brand.TenantId, customer, "guide.li", at), default);
        return 0;
    });
}

public sealed class FunnelSqlite() : FunnelTests("sqlite");

public sealed class FunnelPostgres() : FunnelTests("postgres");
