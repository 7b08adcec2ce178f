using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>An operator's first minutes, in real Chromium: sign in, switch language, add a store, find it, see the audit line.</summary>
public sealed class ConsoleJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly PageWaitForSelectorOptions Visible = new() { State = WaitForSelectorState.Visible, Timeout = 20_000 };

    [Fact]
    public async Task Operator_signs_in_switches_language_creates_a_store_finds_it_and_sees_it_audited()
    {
        await ArrangeRegion("East China", "R-EAST");
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);
        try
        {
            await Journey(page);
        }
        catch
        {
            // Leave a picture of the failure for whoever reads the CI log.
            var shot = Path.Combine(Path.GetTempPath(), $"waterwheel-console-failure-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            await File.WriteAllTextAsync(Path.ChangeExtension(shot, ".html"), await page.ContentAsync());
            System.Console.WriteLine($"Screenshot of the failure: {shot}");
            foreach (var line in consoleErrors) System.Console.WriteLine($"Browser console: {line}");
            throw;
        }
    }

    private static async Task Journey(IPage page)
    {

        // Unauthenticated visitors land on the sign-in form, in Chinese by default.
        await page.GotoAsync("/settings/stores");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await Assertions.Expect(page.Locator("button[type=submit]")).ToHaveTextAsync("登录");

        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");

        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/stores$"));
        await Assertions.Expect(page.Locator("h5", new() { HasTextString = "门店" })).ToBeVisibleAsync();

        // The language switch reloads the console in English.
        await page.ClickAsync("[data-testid=language-switch]");
        await Assertions.Expect(page.Locator("h5", new() { HasTextString = "Stores" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=store-new]")).ToContainTextAsync("New store");

        // Saving an empty form names the bad fields; nothing is created.
        await page.ClickAsync("[data-testid=store-new]");
        await page.ClickAsync("[data-testid=store-save]");
        var nameHelp = page.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=store-name]") }).Locator(".mud-input-helper-text");
        await Assertions.Expect(nameHelp).ToContainTextAsync("Name");


        var code = "PW" + Random.Shared.Next(1000, 9999);
        var name = $"Playwright Test Store {code}";
        await page.FillAsync("[data-testid=store-code]", code);
        await page.FillAsync("[data-testid=store-name]", name);
        await page.ClickAsync("[data-testid=store-unit]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "East China" }).ClickAsync();
        await page.FillAsync("[data-testid=store-province]", "上海市");
        await page.FillAsync("[data-testid=store-city]", "上海市");
        await page.FillAsync("[data-testid=store-lat]", "31.2304");
        await page.FillAsync("[data-testid=store-lng]", "121.4737");
        await page.ClickAsync("[data-testid=store-save]");
        try
        {
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0, new() { Timeout = 15_000 });  // saving is a round trip through the circuit and the database
        }
        catch (PlaywrightException e)
        {
            // What the dialog says when it stays open (a refused field, a conflict) is the first thing to know.
            throw new InvalidOperationException($"The store dialog stayed open, showing: {await page.Locator(".mud-dialog").InnerTextAsync()}", e);
        }

        // Search finds it, and only it.
        await page.FillAsync("[data-testid=store-search]", code);
        var rows = page.Locator("[data-testid=stores-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(name);

        // The audit log shows who created it.
        await page.GotoAsync("/settings/audit");
        var audit = page.Locator("[data-testid=audit-table] tbody tr", new() { HasTextString = code });
        await Assertions.Expect(audit.First).ToContainTextAsync("Store created");
        await Assertions.Expect(audit.First).ToContainTextAsync(WaterwheelApp.AdminUser);
    }

    private async Task ArrangeRegion(string name, string code)
    {
        using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var units = await client.GetFromJsonAsync<List<Unit>>("/api/platform/org-units");
        var hq = units!.Single(u => u.Kind == "HeadOffice");
        var response = await client.PostAsJsonAsync("/api/platform/org-units", new { parentId = hq.Id, kind = "Region", name, code });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed record Unit(Guid Id, string Kind, string Name);
}
