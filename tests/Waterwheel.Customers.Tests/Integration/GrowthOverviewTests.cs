using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waterwheel.Customers.Relationships;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// The overview counts adds and losses where each relationship was made, in the viewer's scope: head office counts the
/// dealer's customers among its figures, the dealer only its own, a guide only theirs; WeCom's own summary agrees.
/// </summary>
public abstract class GrowthOverviewTests(string provider) : IAsyncLifetime
{
    private BrandWithWeCom _brand = null!;

    public async Task InitializeAsync() => _brand = await BrandWithWeCom.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task Each_role_counts_the_adds_and_losses_its_scope_holds_by_day_store_and_guide()
    {
        var leaving = await _brand.CustomerAdds("guide.li");
        await _brand.CustomerAdds("guide.li");
        await _brand.CustomerAdds("guide.wang");
        await _brand.Simulator.Crowd.CustomerDeletesStaff(BrandWithWeCom.CorpId, "guide.li", leaving);
        await BrandWithWeCom.Eventually(() => _brand.Read(db => db.Relationships.AnyAsync(r => r.ExternalUserId == leaving && r.Status == RelationshipStatus.Lost)),
            "the relationship to be lost");

        var admin = await Overview(_brand.Admin, 7);
        Assert.Equal(7, admin.GetProperty("days").GetArrayLength());
        Assert.Equal((3, 1), Today(admin));
        Assert.Equal(2, admin.GetProperty("active").GetInt32());
        // A tie on net adds goes to whoever added more: the dealer's store (2 − 1) before head office's (1 − 0).
        var stores = admin.GetProperty("topStores").EnumerateArray().ToList();
        Assert.Equal([_brand.DealerStore, _brand.HqStore], stores.Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal([(2, 1, 1), (1, 0, 1)], stores.Select(s => (s.GetProperty("added").GetInt32(), s.GetProperty("lost").GetInt32(), s.GetProperty("net").GetInt32())));
        Assert.Equal(2, admin.GetProperty("topGuides").GetArrayLength());

        var dealer = await Overview(await _brand.SignedIn("dealer"), 30);
        Assert.Equal(30, dealer.GetProperty("days").GetArrayLength());
        Assert.Equal((2, 1), Today(dealer));
        Assert.Equal([_brand.DealerStore], dealer.GetProperty("topStores").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));

        Assert.Equal((1, 0), Today(await Overview(await _brand.SignedIn("wang"), 30)));
        // Analysts see figures, the whole brand's.
        Assert.Equal((3, 1), Today(await Overview(await _brand.SignedIn("analyst"), 30)));

        var dealerToday = await Get(await _brand.SignedIn("dealer"), "/api/wecom/relations/summary");
        Assert.Equal((2, 1), (dealerToday.GetProperty("addedToday").GetInt32(), dealerToday.GetProperty("lostToday").GetInt32()));
        var guideToday = await Get(await _brand.SignedIn("wang"), "/api/wecom/relations/summary");
        Assert.Equal((1, 0), (guideToday.GetProperty("addedToday").GetInt32(), guideToday.GetProperty("lostToday").GetInt32()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public async Task A_span_outside_1_to_90_days_is_refused(int days)
    {
        using var response = await _brand.Admin.GetAsync($"/api/customers/overview?days={days}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", await response.Content.ReadAsStringAsync());
    }

    private static (int Added, int Lost) Today(JsonElement overview)
    {
        var today = overview.GetProperty("days").EnumerateArray().Last();
        return (today.GetProperty("added").GetInt32(), today.GetProperty("lost").GetInt32());
    }

    private static Task<JsonElement> Overview(HttpClient client, int days) => Get(client, $"/api/customers/overview?days={days}");

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class GrowthOverviewSqlite() : GrowthOverviewTests("sqlite");

public sealed class GrowthOverviewPostgres() : GrowthOverviewTests("postgres");
