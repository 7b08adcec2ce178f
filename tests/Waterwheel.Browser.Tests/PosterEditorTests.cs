using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using Waterwheel.Acquisition.Channels;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Data;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>An operator gives a live code a poster: uploads a background in the code's editor, sees the preview, and downloads the print file.</summary>
public sealed class PosterEditorTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Operator_uploads_a_background_previews_and_downloads_the_poster()
    {
        var code = await ArrangeCode("海报码");
        var background = Path.Combine(Path.GetTempPath(), $"waterwheel-poster-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(background, Gradient(1800, 2600));
        var notImage = Path.Combine(Path.GetTempPath(), $"waterwheel-poster-{Guid.NewGuid():N}.png");
        await File.WriteAllTextAsync(notImage, "这不是图片");
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", AcceptDownloads = true });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        try
        {
            await page.GotoAsync($"/acquire/codes/{code}");
            await page.FillAsync("#username", WaterwheelApp.AdminUser);
            await page.FillAsync("#password", WaterwheelApp.AdminPassword);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/acquire/codes/{code}$"));
            await Assertions.Expect(page.Locator("[data-testid=poster-preview]")).ToBeVisibleAsync();

            // A text file named .png is refused in Chinese and the poster keeps no background.
            await Choose(page, notImage);
            await Assertions.Expect(page.Locator("[data-testid=poster-error]")).ToContainTextAsync("不是可读取的");
            await Assertions.Expect(page.Locator("[data-testid=poster-size]")).ToContainTextAsync("尚未上传背景图");

            var before = await page.Locator("[data-testid=poster-preview]").GetAttributeAsync("src");
            await Choose(page, background);
            await Assertions.Expect(page.Locator("[data-testid=poster-size]")).ToContainTextAsync("1800 × 2600 px");
            await Assertions.Expect(page.Locator("[data-testid=poster-preview]")).Not.ToHaveAttributeAsync("src", before!);

            var withoutCaption = await page.Locator("[data-testid=poster-preview]").GetAttributeAsync("src");
            await page.FillAsync("[data-testid=poster-caption]", "扫码领取新人礼");
            await Assertions.Expect(page.Locator("[data-testid=poster-preview]")).Not.ToHaveAttributeAsync("src", withoutCaption!);
            await page.ClickAsync("[data-testid=poster-save]");
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = "已保存" })).ToBeVisibleAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=poster-download]"));
            Assert.Equal("海报码-海报.png", download.SuggestedFilename);
            var png = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            // IHDR follows the signature: width and height, big-endian.
            using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
            var saved = await client.GetFromJsonAsync<JsonElement>($"/api/acquisition/codes/{code}/poster");
            Assert.Equal("扫码领取新人礼", saved.GetProperty("layout").GetProperty("caption").GetString());
            Assert.Equal((1800, 2600), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        }
        catch
        {
            var shot = Path.Combine(Path.GetTempPath(), $"waterwheel-poster-failure-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            System.Console.WriteLine($"Screenshot of the failure: {shot}");
            throw;
        }
        finally
        {
            File.Delete(background);
            File.Delete(notImage);
        }
    }

    /// <summary>As a person does it: the upload button opens the file chooser.</summary>
    private static async Task Choose(IPage page, string file)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.ClickAsync("[data-testid=poster-upload-button]"));
        await chooser.SetFilesAsync(file);
    }

    private static byte[] Gradient(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Bisque, SKColors.Firebrick], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, paint);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Codes are made through WeCom (tested with the simulator elsewhere); here one is stored as creating it would.</summary>
    private async Task<Guid> ArrangeCode(string name)
    {
        using var client = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tenantId = (await client.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        return await browser.App.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(tenantId);
            var db = sp.GetRequiredService<AcquisitionDbContext>();
            var channel = new Channel { TenantId = tenantId, Name = $"海报渠道-{Guid.NewGuid():N}"[..20], Kind = ChannelKind.Poster, CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime };
            var id = Guid.CreateVersion7();
            db.Channels.Add(channel);
            db.Codes.Add(new LiveCode
            {
                Id = id, TenantId = tenantId, ChannelId = channel.Id, Name = name, State = CreateCode.StateFor(id), ConfigId = "cfg-" + id.ToString("N"),
                QrCodeUrl = "https://wework.qpic.cn/wwpic/contact_way/" + CreateCode.StateFor(id), CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
            return id;
        });
    }
}
