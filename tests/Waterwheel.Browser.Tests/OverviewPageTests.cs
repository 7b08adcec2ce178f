using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>The overview opens on today's growth figures, the 30-day chart and the leaderboards, in Chinese.</summary>
public sealed class OverviewPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Head_office_opens_the_overview_on_todays_figures_the_trend_chart_and_the_leaderboards()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/login");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");

        var panel = page.Locator("[data-testid=growth-panel]");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        foreach (var (figure, label) in new[] { ("growth-added", "今日新增"), ("growth-lost", "今日流失"), ("growth-net", "今日净增"),
                     ("growth-welcome", "今日欢迎语送达率"), ("growth-alerts", "待跟进流失提醒"), ("growth-active", "企微好友数") })
            await Assertions.Expect(panel.Locator($"[data-testid={figure}]")).ToContainTextAsync(label);
        // A brand with no customers yet: every count is 0 and the welcome rate has nothing to divide.
        await Assertions.Expect(panel.Locator("[data-testid=growth-added] .mud-typography-h4")).ToHaveTextAsync("0");
        await Assertions.Expect(panel.Locator("[data-testid=growth-welcome] .mud-typography-h4")).ToHaveTextAsync("—");
        await Assertions.Expect(panel.Locator("[data-testid=growth-chart] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-testid=top-stores]")).ToContainTextAsync("这段时间没有新增或流失的客户。");
        // The new-customer figure leads to the list it counts.
        await panel.Locator("[data-testid=growth-added] a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/acquire/customers$"));
    }
}
