using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>Every 导出 button of the console, clicked with no filter set, gives a file a person can open.</summary>
public sealed class ExportTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Each_list_exports_with_its_filters_empty()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", AcceptDownloads = true });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/settings/stores");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/stores$"));

        foreach (var (url, button, file, header) in new[]
                 {
                     ("/settings/stores", "stores-export", new Regex(@"^stores-\d{8}-\d{6}\.csv$"), "编码,名称,所属组织"),
                     ("/settings/staff", "staff-export", new Regex(@"^staff-\d{8}-\d{6}\.csv$"), "姓名,"),
                     ("/settings/audit", "audit-export", new Regex(@"^audit-\d{8}-\d{6}\.csv$"), "时间,操作人,操作"),
                     ("/customers", "customers-export-csv", new Regex(@"^customers-\d{8}-\d{6}\.csv$"), "客户ID,客户"),
                 })
        {
            await page.GotoAsync(url);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-testid={button}]"));
            Assert.Matches(file, download.SuggestedFilename);
            var text = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
            Assert.DoesNotContain("Failed to bind", text);
            Assert.False(text.TrimStart().StartsWith('{'), $"{url} exported a problem instead of a file: {text}");
            Assert.StartsWith(header, text.TrimStart('\uFEFF'));
        }

        // Excel beside CSV: an xlsx file is a zip, "PK" first.
        foreach (var (url, button) in new[] { ("/settings/stores", "stores-export-xlsx"), ("/settings/staff", "staff-export-xlsx"), ("/settings/audit", "audit-export-xlsx") })
        {
            await page.GotoAsync(url);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-testid={button}]"));
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        }
    }
}
