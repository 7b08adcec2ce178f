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
        var campaign = await _brand.Created("/api/acquisition/channels", new { name = "双十一", kind = "Event", cost = 100m });
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "地铁海报", kind = "Poster", cost = 200m, parentId = campaign });
        var code = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes",
            new { channelId = channel, name = "地铁码", pool = new[] { new { staffId = _brand.Staff["guide.li"] } } }), HttpStatusCode.Created);
        var state = code.GetProperty("state").GetString()!;

        // The fake clock starts at 10:00 in Shanghai (02:00 UTC) on day D.
        var d = _brand.Time.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(d);
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
        Assert.Equal([(day, 2, 2, 1, 2, (int?)1, (int?)1), (day.AddDays(1), 2, 2, 1, 1, 1, 1)],
            Days(late).Select(x => (x.Day, x.Adds, x.Tagged, x.Deleted, x.R1, x.R7, x.R30)));
        var total = late.GetProperty("total");
        Assert.Equal((4, 2, 3, 2, 2), (total.GetProperty("adds").GetInt32(), total.GetProperty("deleted").GetInt32(),
            total.GetProperty("retained1").GetInt32(), total.GetProperty("retained7").GetInt32(), total.GetProperty("retained30").GetInt32()));
        // The campaign's cost and its poster's: 300 yuan over 4 fans, and over the 2 still there.
        Assert.Equal((300m, 4, 2, 75m, 150m), (late.GetProperty("cost").GetDecimal(), late.GetProperty("fansEver").GetInt32(),
            late.GetProperty("fansPresent").GetInt32(), late.GetProperty("costPerFan").GetDecimal(), late.GetProperty("costPerRetainedFan").GetDecimal()));

        var oneCode = await Funnel($"codeId={code.GetProperty("id").GetGuid()}&from={day.AddDays(1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(2, Assert.Single(Days(oneCode)).Adds);
        await Funnel($"from={day:yyyy-MM-dd}&to={day.AddDays(-1):yyyy-MM-dd}", HttpStatusCode.BadRequest);
        await Funnel($"channelId={Guid.NewGuid()}", HttpStatusCode.NotFound);
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

    private Task Add(string customer, DateTime at, string state) => _brand.AsTenant(async sp =>
    {
        await sp.GetRequiredService<ArrivalIntake>().Handle(new CustomerAddedStaff(_brand.TenantId, customer, "guide.li", state, 1, at, true), default);
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
