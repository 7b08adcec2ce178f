using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>The import wizard in real Chromium and in Chinese: upload, the dry run's error list, commit skipping the bad rows.</summary>
public sealed class ImportWizardTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_operator_imports_a_tmall_export_skipping_its_bad_row()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync("/customers/imports");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h5", new() { HasTextString = "客户导入" })).ToBeVisibleAsync();
        await page.Locator("[data-testid=new-import]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/customers/imports/new$"));

        var csv = new StringBuilder("订单编号,买家会员名,买家实际支付金额,订单创建时间,订单付款时间,收货人姓名,联系手机,收货地址,订单状态,宝贝标题\r\n");
        for (var i = 1; i <= 10; i++)
            csv.Append($"=\"77{i:0000000}\",tb_browser_{i},{(i == 4 ? "abc" : "88.00")},2026-11-11 10:00:00,2026-11-11 10:00:10,买家{i},138****0000,杭州,交易成功,围巾\r\n");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "选择文件" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "tmall-export.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())],
        });

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/customers/imports/[0-9a-f-]{36}$"));
        var errors = page.Locator("[data-testid=import-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("不是有效金额");
        await Assertions.Expect(errors).ToContainTextAsync("买家实际支付金额");
        await page.Locator("[data-testid=import-commit-button]").ClickAsync();
        await Assertions.Expect(page.GetByText("完成：写入 9 行")).ToBeVisibleAsync();

        await page.GotoAsync("/customers/imports");
        await Assertions.Expect(page.Locator("[data-testid=imports-table]")).ToContainTextAsync("tmall-export.csv");
        Assert.Empty(pageErrors);
    }
}
