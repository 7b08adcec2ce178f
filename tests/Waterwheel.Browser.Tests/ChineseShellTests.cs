using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>The console's shell in Chinese: the sign-in page and its icon, the pager, a page the role may not open, the navigation, an empty search.</summary>
public sealed class ChineseShellTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string GuidePassword = BrowserAccounts.Password;

    [Fact]
    public async Task Sign_in_has_an_icon_and_a_styled_user_field_and_lists_page_in_Chinese()
    {
        var page = await NewPage();
        var missing = new List<string>();
        page.Response += (_, response) => { if (response.Status == 404) missing.Add(response.Url); };

        await page.GotoAsync("/login");
        var user = page.Locator("#username");
        var (userWidth, passwordWidth) = (await Width(user), await Width(page.Locator("#password")));
        Assert.True(userWidth > 250 && Math.Abs(userWidth - passwordWidth) < 2, $"user field {userWidth}px, password {passwordWidth}px");
        using (var icon = await browser.App.CreateClient().GetAsync("/favicon.ico"))
            Assert.True(icon.IsSuccessStatusCode, $"/favicon.ico: {(int)icon.StatusCode}");

        await SignIn(page, WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword, "/settings/stores");
        var pager = page.Locator(".mud-table-pagination");
        await Assertions.Expect(pager).ToContainTextAsync("每页行数");
        await Assertions.Expect(pager).ToContainTextAsync(new Regex(@"第 \d+-\d+ 条，共 \d+ 条"));
        await Assertions.Expect(pager).Not.ToContainTextAsync("Rows per page");
        // MudBlazor's own words come through the console's localizer too: the pager's buttons are named in Chinese.
        await Assertions.Expect(pager.Locator("button[aria-label='下一页']")).ToHaveCountAsync(1);

        // 聚水流 → 新增客户: a search that finds nobody says so, not "connect WeCom".
        await page.GotoAsync("/acquire/customers");
        await page.GetByPlaceholder("搜索客户昵称、渠道或导购账号").FillAsync("没有这个人");
        await Assertions.Expect(page.Locator("[data-testid=new-customers-empty]")).ToHaveTextAsync("没有符合搜索条件的客户。");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_guide_sees_only_sections_with_links_and_a_friendly_page_where_their_role_may_not_go()
    {
        var userName = await BrowserAccounts.Guide(browser);
        var page = await NewPage();
        await SignIn(page, userName, GuidePassword, "/");

        var groups = page.Locator(".ww-nav-section");
        Assert.True(await groups.CountAsync() > 0, "no navigation sections at all");
        for (var i = 0; i < await groups.CountAsync(); i++)
            Assert.True(await groups.Nth(i).Locator(".mud-nav-link").CountAsync() > 0, $"an empty navigation section: {await groups.Nth(i).InnerTextAsync()}");

        await page.GotoAsync("/settings/api-keys");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/forbidden"));
        await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToContainTextAsync("您的角色无权打开此页面");
        Assert.DoesNotContain("\"status\"", await page.ContentAsync());
    }

    [Fact]
    public async Task A_dealer_admin_is_offered_only_store_roles_for_a_new_staff_member()
    {
        var userName = await BrowserAccounts.DealerAdmin(browser);
        var page = await NewPage();
        await SignIn(page, userName, GuidePassword, "/settings/staff");
        await page.ClickAsync("[data-testid=staff-new]");
        await page.Locator(".mud-dialog [data-testid=staff-role]").ClickAsync();
        var offered = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(offered).ToHaveCountAsync(2);
        await Assertions.Expect(offered.Nth(0)).ToHaveTextAsync("店长");
        await Assertions.Expect(offered.Nth(1)).ToHaveTextAsync("导购");
    }

    /// <summary>A dealer with its admin, signed in with a password, made through the API as head office would.</summary>

    private async Task<IPage> NewPage()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return page;
    }

    private static async Task SignIn(IPage page, string userName, string password, string then)
    {
        await page.GotoAsync(then == "/" ? "/login" : then);
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator(".mud-nav-link").First).ToBeVisibleAsync();
    }

    private static async Task<double> Width(ILocator locator) => (await locator.BoundingBoxAsync())!.Width;

    /// <summary>A guide with a sign-in, in a store of a new region, made through the API as head office would.</summary>

}
