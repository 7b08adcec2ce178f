using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>Every page of the navigation, in the Chinese console, shows no English words but codes and names.</summary>
public sealed partial class ChineseEverywhereTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    // Names and codes that stay as they are in Chinese: brands, protocols, formats, and the test tenant's own data.
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Waterwheel", "English", "WeCom", "API", "CSV", "Excel", "Asia", "Shanghai", "Alpha", "Bakery", "alpha", "admin", "IANA", "Secret", "Token",
        "EncodingAESKey", "AES", "Key", "userid", "unionid", "openid", "ID", "IP", "URL", "Tmall", "JD", "Douyin", "POS", "SMS", "RFM", "UTC", "xlsx", "MIT", "Segment", "SDK",
    };

    [Theory]
    [InlineData("admin")]
    [InlineData("dealer")]
    [InlineData("guide")]
    public async Task No_page_of_the_navigation_shows_English_words_in_the_Chinese_console(string role)
    {
        var (userName, password) = await BrowserAccounts.For(browser, role);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mud-nav-link").First.WaitForAsync();

        var links = await page.Locator(".mud-nav-link").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        var found = new List<string>();
        foreach (var href in links.Where(h => h is not null).Distinct())
        {
            await page.GotoAsync(href);
            await page.Locator("h5").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var text = await page.Locator(".mud-main-content").InnerTextAsync();
            // Addresses (the callback URL, /v1/batch) are what they are in any language.
            var english = Words().Matches(Addresses().Replace(text, " ")).Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct().ToList();
            if (english.Count > 0) found.Add($"{href}: {string.Join(", ", english)}");
        }
        Assert.True(found.Count == 0, $"English in the Chinese console as {role}:\n" + string.Join("\n", found));
    }

    [GeneratedRegex(@"\S*(://|/)\S*")]
    private static partial Regex Addresses();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'’]{2,}\b")]
    private static partial Regex Words();
}
