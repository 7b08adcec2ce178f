using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>Every time on screen is China time (the brand's zone), not the server's UTC; head office can see and change the zone.</summary>
public sealed class TenantTimeZoneTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_audit_log_shows_the_sign_in_in_China_time_and_the_brand_settings_name_the_zone()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/settings/audit");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/audit$"));

        // The newest line is this sign-in, a moment ago: in China that is 8 hours ahead of UTC.
        var firstTime = page.Locator("tbody tr").First.Locator("td").First;
        await Assertions.Expect(firstTime).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));
        var shown = DateTime.ParseExact((await firstTime.TextContentAsync())!.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var chinaNow = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8);
        Assert.InRange(shown, chinaNow.AddMinutes(-5), chinaNow.AddMinutes(1));

        await page.Locator(".mud-nav-link", new() { HasTextString = "品牌设置" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/brand$"));
        await Assertions.Expect(page.Locator("input[data-testid=time-zone], [data-testid=time-zone] input").First).ToHaveValueAsync("Asia/Shanghai");
        await Assertions.Expect(page.Locator("[data-testid=time-zone-now]")).ToContainTextAsync($"当前时间：{chinaNow:yyyy-MM-dd}");
    }
}
