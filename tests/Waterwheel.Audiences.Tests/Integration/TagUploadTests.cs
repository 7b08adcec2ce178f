using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>An uploaded list tags the customers it names within the caller's reach, and says by line which values named no one.</summary>
public abstract class TagUploadTests(string provider) : IAsyncLifetime
{
    private AudienceBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AudienceBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task A_csv_of_WeCom_ids_tags_the_customers_it_names_and_reports_the_rest_by_line()
    {
        var (_, first) = await _brand.ContactAdds("guide.wang");
        var (_, second) = await _brand.ContactAdds("guide.wang");
        var tag = await _brand.Admin.Tag("活动名单");
        var csv = $"企业微信客户ID\n{first}\n\nno-such-contact\n{second}\n0\n";

        var result = await Upload(_brand.Admin, tag, "WeComExternalUserId", Encoding.UTF8.GetBytes(csv), "名单.csv").Ok();
        Assert.Equal(4, result.GetProperty("values").GetInt32());
        Assert.Equal(2, result.GetProperty("matched").GetInt32());
        Assert.Equal(2, result.GetProperty("changed").GetInt32());
        Assert.Equal(1, result.GetProperty("notFound").GetInt32());
        Assert.Equal(1, result.GetProperty("malformed").GetInt32());
        Assert.Equal([4, 6], result.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()).ToList());
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(tag), 2, "both listed customers tagged");

        // The same list again changes nothing; taking it off takes both.
        Assert.Equal(0, (await Upload(_brand.Admin, tag, "WeComExternalUserId", Encoding.UTF8.GetBytes(csv), "名单.csv").Ok()).GetProperty("changed").GetInt32());
        await Upload(_brand.Admin, tag, "WeComExternalUserId", Encoding.UTF8.GetBytes(csv), "名单.csv", remove: true).Ok();
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(tag), 0, "the list's tag taken off");
    }

    [Fact]
    public async Task An_xlsx_list_works_and_a_dealer_reaches_only_its_own_customers()
    {
        var (_, dealers) = await _brand.ContactAdds("guide.li");
        var (_, headOffices) = await _brand.ContactAdds("guide.wang");
        var tag = await _brand.Admin.Tag("门店活动");
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(new[] { new { ID = dealers }, new { ID = headOffices } });

        var dealer = await _brand.SignedIn("dealer");
        var result = await Upload(dealer, tag, "WeComExternalUserId", sheet.ToArray(), "名单.xlsx").Ok();
        Assert.Equal(1, result.GetProperty("matched").GetInt32());
        Assert.Equal(1, result.GetProperty("notFound").GetInt32());
        Assert.Equal(3, result.GetProperty("problems")[0].GetProperty("line").GetInt32());
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(tag), 1, "only the dealer's own customer tagged");
    }

    [Fact]
    public async Task A_list_without_its_kind_an_old_excel_file_or_no_file_is_refused_and_tags_nobody()
    {
        var (_, contact) = await _brand.ContactAdds("guide.wang");
        var tag = await _brand.Admin.Tag("空名单");
        using (var noKind = await Send(_brand.Admin, $"/api/audiences/tags/{tag}/upload", Encoding.UTF8.GetBytes($"id\n{contact}\n"), "a.csv"))
            Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        using (var legacy = await Upload(_brand.Admin, tag, "WeComExternalUserId", [0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], "old.xls"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, legacy.StatusCode);
            Assert.Contains(".xlsx", await legacy.Content.ReadAsStringAsync());
        }
        using (var noFile = await _brand.Admin.PostAsync($"/api/audiences/tags/{tag}/upload?kind=Phone", new MultipartFormDataContent { { new StringContent("x"), "note" } }))
            Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        using (var json = await _brand.Admin.PostAsync($"/api/audiences/tags/{tag}/upload?kind=Phone", new StringContent("{}", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(0, await _brand.Admin.Count(AudienceApi.HasTag(tag)));
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, Guid tag, string kind, byte[] bytes, string name, bool remove = false) =>
        Send(client, $"/api/audiences/tags/{tag}/upload?kind={kind}{(remove ? "&remove=true" : "")}", bytes, name);

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return client.PostAsync(url, form);
    }
}

public sealed class TagUploadSqlite() : TagUploadTests("sqlite");

public sealed class TagUploadPostgres() : TagUploadTests("postgres");
