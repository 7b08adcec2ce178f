using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>
/// The group live codes page makes codes: its form names every missing field in Chinese at once and stores nothing
/// until they are all there (the code's WeCom side is exercised against the simulator in the Acquisition tests).
/// </summary>
public sealed class GroupCodeDialogTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_empty_group_code_form_names_each_missing_field_and_saves_nothing()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/acquire/group-codes");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/acquire/group-codes$"));

        await page.ClickAsync("[data-testid=group-code-new]");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("新建群活码");
        await page.ClickAsync("[data-testid=group-code-save]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("请填写名称。");
        await Assertions.Expect(dialog).ToContainTextAsync("请选择活码所属渠道。");
        await Assertions.Expect(dialog).ToContainTextAsync("请至少选择一个客户群。");

        // Opening new groups needs their name, asked for only once the switch is on.
        await page.FillAsync("[data-testid=group-code-name]", "门店福利群");
        await page.Locator(".mud-dialog .mud-switch").ClickAsync();
        await page.ClickAsync("[data-testid=group-code-save]");
        await Assertions.Expect(dialog).ToContainTextAsync("请填写群满后自动新建的群名称。");
        await Assertions.Expect(dialog).Not.ToContainTextAsync("请填写名称。");

        using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var codes = await client.GetFromJsonAsync<JsonElement>("/api/acquisition/group-codes");
        Assert.Equal(0, codes.GetProperty("total").GetInt32());
    }
}
