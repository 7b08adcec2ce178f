using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Waterwheel.WeCom.Alerts;
using Waterwheel.WeCom.Data;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>An operator follows up a lost customer: finds the alert, notes what was done, and it leaves the open list.</summary>
public sealed class RelationAlertsPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Operator_follows_up_a_lost_customer_with_a_note()
    {
        await ArrangeLostCustomer("wmlostcustomer01", "guide.zhou");
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        try
        {
            await page.GotoAsync("/retain/alerts");
            await page.FillAsync("#username", WaterwheelApp.AdminUser);
            await page.FillAsync("#password", WaterwheelApp.AdminPassword);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/retain/alerts$"));

            var rows = page.Locator("[data-testid=alerts-table] tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToContainTextAsync("客户删除导购");
            await Assertions.Expect(rows.First).ToContainTextAsync("guide.zhou");
            await Assertions.Expect(rows.First).ToContainTextAsync("store-0007");

            await page.ClickAsync("[data-testid=alert-handle]");
            await page.FillAsync("[data-testid=alert-note]", "已电话回访，客户搬家了");
            await page.ClickAsync("[data-testid=alert-save]");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            // The list shows open alerts by default: the followed-up one has left it.
            await Assertions.Expect(page.Locator("[data-testid=alerts-table]")).ToContainTextAsync("暂无预警");
        }
        catch
        {
            var shot = Path.Combine(Path.GetTempPath(), $"waterwheel-alerts-failure-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            System.Console.WriteLine($"Screenshot of the failure: {shot}");
            throw;
        }

        using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var handled = await client.GetFromJsonAsync<JsonElement>("/api/wecom/relation-alerts?status=Handled");
        var alert = Assert.Single(handled.GetProperty("items").EnumerateArray());
        Assert.Equal("已电话回访，客户搬家了", alert.GetProperty("note").GetString());
    }

    /// <summary>Alerts come from WeCom callbacks (tested with the simulator elsewhere); here one is stored as the handler would.</summary>
    private async Task ArrangeLostCustomer(string externalUserId, string staffUserId)
    {
        using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tenantId = (await client.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        await browser.App.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(tenantId);
            var db = sp.GetRequiredService<WeComDbContext>();
            db.RelationAlerts.Add(new RelationAlert
            {
                TenantId = tenantId, Kind = RelationAlertKind.CustomerDeletedStaff, EventKey = $"sys|1|{externalUserId}",
                ExternalUserId = externalUserId, StaffUserId = staffUserId, State = "store-0007",
                RelationStartedAt = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc), OccurredAt = new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc),
            });
            return await db.SaveChangesAsync();
        });
    }
}
