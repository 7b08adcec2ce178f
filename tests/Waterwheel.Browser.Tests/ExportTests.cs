using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>Every 导出 button of the console, clicked with no filter set, gives a file a person can open.</summary>
public sealed partial class ExportTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// Each role clicks every export on every page it may open, CSV and Excel, and reads the file as a person would:
    /// Chinese column names, no raw seven-digit timestamps or ISO instants, no problem document in place of a file.
    /// </summary>
    [Theory]
    [InlineData("admin")]
    [InlineData("dealer")]
    [InlineData("guide")]
    public async Task Every_export_a_role_sees_gives_a_readable_file(string role)
    {
        var (userName, password) = await BrowserAccounts.For(browser, role);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", AcceptDownloads = true });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".mud-nav-link").First.WaitForAsync();

        var links = await page.Locator(".mud-nav-link").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        var read = new List<string>();
        var wrong = new List<string>();
        foreach (var href in links.Where(h => h is not null).Distinct())
        {
            await page.GotoAsync(href);
            await page.Locator("h5").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var buttons = await page.Locator("a[data-testid*='export']").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('data-testid'))");
            foreach (var button in buttons.Distinct())
            {
                var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-testid='{button}']").First.ClickAsync());
                var rows = ReadRows(await download.PathAsync(), download.SuggestedFilename);
                read.Add($"{href} {button}");
                var header = rows.FirstOrDefault() ?? [];
                if (header.Length == 0 || header[0].TrimStart().StartsWith('{')) wrong.Add($"{href} {button}: not a table ({string.Join(",", header)})");
                else if (!header.All(h => Chinese().IsMatch(h))) wrong.Add($"{href} {button}: column names not in Chinese ({string.Join(",", header)})");
                foreach (var cell in rows.Skip(1).SelectMany(r => r).Where(c => MachineTime().IsMatch(c)).Take(1))
                    wrong.Add($"{href} {button}: a machine's time \"{cell}\"");
            }
        }
        Assert.NotEmpty(read);
        Assert.True(wrong.Count == 0, $"exports as {role}:\n" + string.Join("\n", wrong));
    }

    private static List<string[]> ReadRows(string path, string name)
    {
        if (name.EndsWith(".xlsx", StringComparison.Ordinal))
            return MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v switch { null => "", DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss"), _ => v.ToString() ?? "" }).ToArray())
                .ToList();
        // The CSVs here quote only what needs it; a field's commas are not in the header row or in times.
        return File.ReadAllLines(path, Encoding.UTF8).Select(l => l.TrimStart('\uFEFF').Split(',')).ToList();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    // What a person should never have to read: ISO instants ("2026-11-30T08:00:00Z") and seven-digit fractions.
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}:\d{2}\.\d{4,}")]
    private static partial Regex MachineTime();

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
