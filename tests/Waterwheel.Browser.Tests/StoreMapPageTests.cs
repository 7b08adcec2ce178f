using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>The store map draws each located store of the chosen city where it is, with one table row for each, and a city switch redraws it.</summary>
public sealed class StoreMapPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_map_draws_one_mark_per_located_store_of_the_city_with_its_codes_beside_it()
    {
        using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        await ArrangeStores(client);
        var map = await client.GetFromJsonAsync<JsonElement>("/api/acquisition/store-map");
        var cities = map.GetProperty("cities").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.NotEmpty(cities);

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/acquire/store-map");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/acquire/store-map$"));

        foreach (var city in cities.Take(2))
        {
            if (city != cities[0])
            {
                await page.ClickAsync("[data-testid=map-city]");
                await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = city }).ClickAsync();
            }
            var stores = (await client.GetFromJsonAsync<JsonElement>($"/api/acquisition/store-map?city={Uri.EscapeDataString(city)}")).GetProperty("stores").GetArrayLength();
            await Assertions.Expect(page.Locator("[data-testid=store-map] [data-testid=map-store]")).ToHaveCountAsync(stores);
            await Assertions.Expect(page.Locator("[data-testid=map-stores-table] tbody tr")).ToHaveCountAsync(stores);
            await Assertions.Expect(page.Locator("[data-testid=map-scale]")).ToHaveTextAsync(new Regex(@"^[\d.]+ 公里$"));
        }
        Assert.Empty(errors);
    }

    /// <summary>Two stores in Shanghai and one in Hangzhou, under a region of their own.</summary>
    private static async Task ArrangeStores(HttpClient client)
    {
        var units = await client.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var region = await Created(client, "/api/platform/org-units", new { parentId = hq, kind = "Region", name = "地图大区" + suffix, code = "MAP" + suffix });
        foreach (var (code, name, city, lat, lng) in new[] { ("M1", "人民广场店", "上海市", 31.2304, 121.4737), ("M2", "陆家嘴店", "上海市", 31.2397, 121.4998), ("M3", "西湖店", "杭州市", 30.2590, 120.1500) })
            await Created(client, "/api/platform/stores", new
            {
                code = code + suffix, name, orgUnitId = region, province = city, city, district = "", address = "", latitude = lat, longitude = lng, openingHours = "", phone = "",
            });
    }

    private static async Task<Guid> Created(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
