using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waterwheel.Acquisition.Arrivals;
using Waterwheel.Acquisition.Channels;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Data;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>The channels page draws the funnel as a chart with its figures beside it, for the brand and for one channel.</summary>
public sealed class ChannelFunnelTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_channels_page_charts_adds_and_shows_cost_per_fan()
    {
        var channelName = await ArrangeArrivals(3, 90m);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/acquire/channels");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/acquire/channels$"));

        await Assertions.Expect(page.Locator("[data-testid=funnel-panel]")).ToContainTextAsync("近 30 天漏斗");
        await Assertions.Expect(page.Locator("[data-testid=funnel-panel] svg").First).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=funnel-channel]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = channelName }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=funnel-adds]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=funnel-cost-per-fan]")).ToHaveTextAsync("30.00");
        await Assertions.Expect(page.Locator("[data-testid=funnel-lifetime-cost-per-fan]")).ToHaveTextAsync("30.00");
    }

    /// <summary>Arrivals come from WeCom adds through a code (tested with the simulator elsewhere); here they are stored as the intake would, today in Shanghai.</summary>
    private async Task<string> ArrangeArrivals(int count, decimal cost)
    {
        using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tenantId = (await client.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        var name = "漏斗渠道" + Guid.NewGuid().ToString("N")[..6];
        await browser.App.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(tenantId);
            var db = sp.GetRequiredService<AcquisitionDbContext>();
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
            var channel = new Channel { TenantId = tenantId, Name = name, Kind = ChannelKind.Poster, Cost = cost, CreatedAt = now };
            var codeId = Guid.CreateVersion7();
            db.Channels.Add(channel);
            db.Codes.Add(new LiveCode { Id = codeId, TenantId = tenantId, ChannelId = channel.Id, Name = name, State = CreateCode.StateFor(codeId), CreatedAt = now });
            for (var i = 0; i < count; i++)
                db.Arrivals.Add(new Arrival
                {
                    TenantId = tenantId, CodeId = codeId, ChannelId = channel.Id, StaffUserId = "guide.funnel", ExternalUserId = $"wm-funnel-{i}-{codeId:N}"[..40],
                    At = now.AddMinutes(-i), Day = today, TaggedAt = now,
                });
            return await db.SaveChangesAsync();
        });
        return name;
    }
}
