using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Data;
using Waterwheel.Acquisition.Tests.Posters;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>A code's poster through the API: uploads that are not images refused with nothing stored, the layout under If-Match, and the printed PNG.</summary>
public abstract class PosterApiTests(string provider) : IAsyncLifetime
{
    private AcquisitionBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    private HttpClient Admin => _brand.Admin;

    private async Task<JsonElement> NewCode()
    {
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "门店海报", kind = "Poster", cost = 500m });
        return await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes",
            new { channelId = channel, name = "南京西路/柜台码", pool = new[] { new { staffId = _brand.Staff["guide.li"] } } }), HttpStatusCode.Created);
    }

    private Task<HttpResponseMessage> Upload(Guid code, byte[] file, string name = "background.png", string type = "image/png")
    {
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return Admin.PutAsync($"/api/acquisition/codes/{code}/poster/background", new MultipartFormDataContent { { part, "file", name } });
    }

    private Task<int> PostersStored() => _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Posters.CountAsync());

    [Fact]
    public async Task A_file_that_is_not_an_image_or_too_big_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var code = (await NewCode()).GetProperty("id").GetGuid();
        var text = await AcquisitionBrand.Send(Upload(code, Encoding.UTF8.GetBytes("not a picture at all"), "poster.png"), HttpStatusCode.BadRequest);
        Assert.True(text.GetProperty("errors").TryGetProperty("file", out var message), text.ToString());
        Assert.Contains("PNG", message.ToString());

        var big = new byte[Waterwheel.Acquisition.Posters.PosterBackgrounds.MaxBytes + 1];
        TestImages.Gradient(10, 10).CopyTo(big, 0);
        var tooBig = await AcquisitionBrand.Send(Upload(code, big), HttpStatusCode.BadRequest);
        Assert.Contains("5 MB", tooBig.GetProperty("errors").GetProperty("file").ToString());

        var missing = await AcquisitionBrand.Send(Admin.PutAsync($"/api/acquisition/codes/{code}/poster/background", new MultipartFormDataContent()), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("file", out _), missing.ToString());

        Assert.Equal(0, await PostersStored());
        var poster = await Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/codes/{code}/poster");
        Assert.False(poster.GetProperty("hasBackground").GetBoolean());
    }

    [Fact]
    public async Task An_uploaded_background_and_a_layout_make_a_print_size_poster_whose_QR_reads_as_the_code()
    {
        var made = await NewCode();
        var code = made.GetProperty("id").GetGuid();
        var uploaded = await AcquisitionBrand.Send(Upload(code, TestImages.Gradient(1800, 2600, SkiaSharp.SKEncodedImageFormat.Jpeg), "bg.jpg", "image/jpeg"));
        Assert.Equal((true, "jpeg", 1800, 2600), (uploaded.GetProperty("hasBackground").GetBoolean(), uploaded.GetProperty("backgroundFormat").GetString(),
            uploaded.GetProperty("width").GetInt32(), uploaded.GetProperty("height").GetInt32()));
        Assert.Equal(1, await PostersStored());

        var layout = new { qrX = 0.3, qrY = 0.55, qrSize = 0.4, caption = "扫码加导购 领新人礼", captionX = 0.5, captionY = 0.95, captionSize = 0.05, captionColor = "#FFFFFF" };
        var url = $"/api/acquisition/codes/{code}/poster/layout";
        await AcquisitionBrand.Send(Admin.PutAsJsonAsync(url, layout), HttpStatusCode.PreconditionRequired);
        var bad = await AcquisitionBrand.Send(Put(url, new { qrX = 0.8, qrY = 0.5, qrSize = 0.4, captionColor = "white" }, "\"1\""), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("qrSize", out _) && errors.TryGetProperty("captionColor", out _), bad.ToString());
        await AcquisitionBrand.Send(Put(url, layout, "\"0\""), HttpStatusCode.PreconditionFailed);
        var saved = await AcquisitionBrand.Send(Put(url, layout, $"\"{uploaded.GetProperty("version").GetInt32()}\""));
        Assert.Equal("扫码加导购 领新人礼", saved.GetProperty("layout").GetProperty("caption").GetString());
        Assert.Equal(uploaded.GetProperty("version").GetInt32() + 1, saved.GetProperty("version").GetInt32());

        using var png = await Admin.GetAsync($"/api/acquisition/codes/{code}/poster.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("南京西路_柜台码-海报.png", png.Content.Headers.ContentDisposition?.FileNameStar);
        using var poster = TestImages.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal((1800, 2600), (poster.Width, poster.Height));
        Assert.Equal(made.GetProperty("qrCodeUrl").GetString(), TestImages.ReadQr(poster));
    }

    [Fact]
    public async Task A_code_without_a_poster_still_downloads_one_on_white()
    {
        var code = (await NewCode()).GetProperty("id").GetGuid();
        var poster = await AcquisitionBrand.Send(Admin.GetAsync($"/api/acquisition/codes/{code}/poster"));
        Assert.Equal(0, poster.GetProperty("version").GetInt32());
        var png = await Admin.GetByteArrayAsync($"/api/acquisition/codes/{code}/poster.png");
        using var image = TestImages.Decode(png);
        Assert.Equal((1500, 2250), (image.Width, image.Height));
        await AcquisitionBrand.Send(Admin.GetAsync($"/api/acquisition/codes/{Guid.NewGuid()}/poster.png"), HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> Put(string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Admin.SendAsync(request);
    }
}

public sealed class PosterApiSqlite() : PosterApiTests("sqlite");

public sealed class PosterApiPostgres() : PosterApiTests("postgres");
