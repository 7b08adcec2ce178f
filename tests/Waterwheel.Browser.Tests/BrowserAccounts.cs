using System.Net.Http.Json;
using System.Text.Json;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>Sign-ins for roles other than head office, each in a new region of its own, made through the API as an admin would.</summary>
internal static class BrowserAccounts
{
    public const string Password = "Guide-pass-2026";

    /// <summary>A sign-in for "admin" (head office's admin), "dealer" (a new dealer's admin) or "guide" (a new store's guide).</summary>
    public static async Task<(string UserName, string Password)> For(BrowserApp browser, string role) => role switch
    {
        "dealer" => (await DealerAdmin(browser), Password),
        "guide" => (await Guide(browser), Password),
        "admin" => (WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "admin, dealer or guide"),
    };

    /// <summary>A guide of a new store in a new region; returns the user name.</summary>
    public static async Task<string> Guide(BrowserApp browser)
    {
        using var admin = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        var suffix = Random.Shared.Next(1000, 9999);
        var region = await Created(admin, "/api/platform/org-units", new { parentId = hq, kind = "Region", name = $"华北{suffix}", code = $"R-N{suffix}" });
        var store = await Created(admin, "/api/platform/stores", new
        {
            code = $"BJ{suffix}", name = $"望京店{suffix}", orgUnitId = region, province = "北京市", city = "北京市", district = "朝阳区", address = "望京街1号",
            latitude = 39.99, longitude = 116.47, openingHours = "08:00-21:00", phone = "010-12345678",
        });
        var guide = await Created(admin, "/api/platform/staff", new { name = "导购小王", mobile = $"137{suffix}{suffix}", role = "Guide", storeId = store });
        var userName = $"guide{suffix}";
        using var account = await admin.PostAsJsonAsync($"/api/platform/staff/{guide}/account", new { userName, password = Password });
        Assert.True(account.IsSuccessStatusCode, await account.Content.ReadAsStringAsync());
        return userName;
    }

    /// <summary>A dealer admin of a new dealer in a new region; returns the user name.</summary>
    public static async Task<string> DealerAdmin(BrowserApp browser)
    {
        using var admin = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        var suffix = Random.Shared.Next(1000, 9999);
        var region = await Created(admin, "/api/platform/org-units", new { parentId = hq, kind = "Region", name = $"华东{suffix}", code = $"R-E{suffix}" });
        var dealer = await Created(admin, "/api/platform/org-units", new { parentId = region, kind = "Dealer", name = $"禾丰商贸{suffix}", code = $"D-{suffix}" });
        var staff = await Created(admin, "/api/platform/staff", new { name = "经销商老李", mobile = $"136{suffix}{suffix}", role = "DealerAdmin", orgUnitId = dealer });
        var userName = $"dealer{suffix}";
        using var account = await admin.PostAsJsonAsync($"/api/platform/staff/{staff}/account", new { userName, password = Password });
        Assert.True(account.IsSuccessStatusCode, await account.Content.ReadAsStringAsync());
        return userName;
    }

    private static async Task<Guid> Created(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
