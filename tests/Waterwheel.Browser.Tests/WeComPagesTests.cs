using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>The WeCom pages an operator finds in the navigation open in real Chromium, in Chinese, without script errors.</summary>
public sealed class WeComPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Customer_groups_corp_tags_and_WeCom_members_open_from_the_navigation()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync("/engage/groups");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/engage/groups$"));

        foreach (var (link, url, heading, table) in new[]
                 {
                     ("客户群", "/engage/groups", "客户群", "groups-table"),
                     ("企业标签", "/engage/tags", "企业标签", "tags-table"),
                     ("企业微信成员", "/settings/wecom-members", "企业微信成员", "wecom-members-table"),
                 })
        {
            await page.Locator(".mud-nav-link", new() { HasTextString = link }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(url)}$"));
            await Assertions.Expect(page.Locator("h5", new() { HasTextString = heading })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"[data-testid={table}]")).ToBeVisibleAsync();
        }
        await page.GotoAsync("/engage/groups/wr_unknown");
        await Assertions.Expect(page.Locator("[data-testid=group-members-table]")).ToContainTextAsync("没有符合条件的成员");
        Assert.Empty(pageErrors);
    }
}
