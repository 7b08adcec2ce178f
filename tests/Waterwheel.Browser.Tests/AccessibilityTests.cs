using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>axe-core, run on every page of the navigation as head office, a dealer admin and a guide, finds nothing serious or critical: named buttons, readable contrast, labelled fields.</summary>
public sealed class AccessibilityTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    [Theory]
    [InlineData("admin")]
    [InlineData("dealer")]
    [InlineData("guide")]
    public async Task No_page_of_the_navigation_has_a_serious_or_critical_axe_violation(string role)
    {
        var (userName, password) = await BrowserAccounts.For(browser, role);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/login");
        var found = Blocked("/login", await page.RunAxe()).ToList();
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mud-nav-link").First.WaitForAsync();

        var links = await page.Locator(".mud-nav-link").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        Assert.NotEmpty(links);
        foreach (var href in links.Where(h => h is not null).Distinct())
        {
            await page.GotoAsync(href);
            await page.Locator("h5").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found.AddRange(Blocked(href, await page.RunAxe()));
        }
        Assert.True(found.Count == 0, $"axe-core as {role}:\n" + string.Join("\n", found));
    }

    internal static IEnumerable<string> Blocked(string href, Deque.AxeCore.Commons.AxeResult result) =>
        result.Violations.Where(v => Blocking.Contains(v.Impact ?? ""))
            .Select(v => $"{href}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 260 ? n.Html[..260] : n.Html))}");
}
