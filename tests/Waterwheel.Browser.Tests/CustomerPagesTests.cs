using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>The customer list and a customer's 360 page, in real Chromium and in Chinese.</summary>
public sealed class CustomerPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_operator_finds_a_customer_and_opens_their_profile_with_identities_and_timeline()
    {
        var externalUserId = $"wmBrowser{Guid.NewGuid():N}"[..30];
        await ArrangeCustomer("林晓", externalUserId);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync("/customers");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/customers$"));
        await Assertions.Expect(page.Locator("h5", new() { HasTextString = "客户档案" })).ToBeVisibleAsync();

        await page.GetByPlaceholder("搜索姓名、手机号或尾号 4 位、任一客户 ID（会员号、买家 ID、企微 ID）").FillAsync(externalUserId);
        var row = page.Locator("[data-testid=profiles-table] tbody tr", new() { HasTextString = "林晓" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("[data-testid=profile-name]")).ToHaveTextAsync("林晓");
        await Assertions.Expect(page.GetByText(externalUserId)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("添加了guide.lin的企业微信");

        // A source for the brand's website: its write key is shown once, and the list keeps only its last characters.
        await page.Locator(".mud-nav-link", new() { HasTextString = "事件数据源" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/event-sources$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "新建数据源" }).ClickAsync();
        await page.GetByLabel("名称").FillAsync("品牌官网");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var key = await page.Locator("input[data-testid=write-key], [data-testid=write-key] input").First.InputValueAsync();
        Assert.StartsWith("wk_", key);
        await page.GetByRole(AriaRole.Button, new() { Name = "完成" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=sources-table]")).ToContainTextAsync("wk_…" + key[^4..]);
        Assert.Empty(pageErrors);
    }

    /// <summary>Stores a profile as the WeCom feed would, without a WeCom corp behind this browser app.</summary>
    private Task ArrangeCustomer(string name, string externalUserId) => browser.App.InScope(async sp =>
    {
        var tenant = (await sp.GetRequiredService<Platform.Contracts.IOrganisationDirectory>().FindTenant("alpha", CancellationToken.None))!.Value;
        sp.GetRequiredService<ActorContext>().UseSystem(tenant);
        var db = sp.GetRequiredService<CustomersDbContext>();
        var at = new DateTime(2026, 11, 20, 2, 30, 0, DateTimeKind.Utc);
        var profile = new CustomerProfile { TenantId = tenant, Name = name, CreatedAt = at, UpdatedAt = at, FirstSeenAt = at, LastSeenAt = at };
        db.Profiles.Add(profile);
        db.Identities.Add(new CustomerIdentity { TenantId = tenant, ProfileId = profile.Id, Type = IdentityType.WeComExternalUserId, Key = externalUserId, Source = "wecom", LinkedAt = at });
        db.Timeline.Add(new TimelineEntry { TenantId = tenant, ProfileId = profile.Id, Kind = TimelineKind.WeComAdded, OccurredAt = at, Subject = "guide.lin", SourceKey = $"browser:{externalUserId}" });
        await db.SaveChangesAsync();
        return profile.Id;
    });
}
