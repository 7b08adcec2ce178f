using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// What the brand keeps about a customer beyond identifiers, through the real app: custom attributes (defined by head
/// office, validated on every write, taken from identify traits), per-channel consent with its history, the brand's own
/// lifecycle thresholds, and the customer list's export.
/// </summary>
public abstract class CustomerDataTests(string provider) : IAsyncLifetime
{
    private BrandWithWeCom _brand = null!;

    public async Task InitializeAsync() => _brand = await BrandWithWeCom.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task Custom_attributes_are_defined_by_head_office_and_validated_on_every_write()
    {
        var admin = _brand.Admin;
        Assert.Equal(HttpStatusCode.Created, await Status(admin.PostAsJsonAsync("/api/customers/attributes",
            new { key = "member_level", label = "会员等级", type = "Enum", options = new[] { "银卡", "金卡" }, required = false })));
        foreach (var (key, label, type) in new[] { ("vip_since", "入会日期", "Date"), ("shoe_size", "鞋码", "Decimal"), ("visits", "到店次数", "Number"), ("newsletter", "订阅", "Bool") })
            Assert.Equal(HttpStatusCode.Created, await Status(admin.PostAsJsonAsync("/api/customers/attributes", new { key, label, type, required = false })));
        var invalid = await Problem(admin.PostAsJsonAsync("/api/customers/attributes", new { key = "Bad Key", label = "", type = "Enum" }));
        Assert.Equal(["key", "label", "options"], invalid.Order());
        Assert.Equal(HttpStatusCode.Conflict, await Status(admin.PostAsJsonAsync("/api/customers/attributes", new { key = "visits", label = "x", type = "String" })));
        Assert.Equal(HttpStatusCode.Forbidden, await Status((await _brand.SignedIn("operator")).PostAsJsonAsync("/api/customers/attributes", new { key = "x1", label = "x", type = "String" })));
        Assert.Equal(5, (await Get(await _brand.SignedIn("li"), "/api/customers/attributes")).GetArrayLength());

        // An identify call's traits: valid values are taken, invalid ones dropped and named on the timeline, the call still counts.
        var profileId = await Identify("m-1", """{"name":"张三丰","phone":"13812345678","birthday":"1990-05-01","address":{"state":"浙江省","city":"杭州市"},"member_level":"金卡","visits":"abc","shoe_size":"42.5"}""");
        var profile = await Get(admin, $"/api/customers/profiles/{profileId}");
        var attributes = profile.GetProperty("attributes");
        Assert.Equal(("1990-05-01", "浙江省", "杭州市"), (attributes.GetProperty("birthday").GetString(), attributes.GetProperty("province").GetString(), attributes.GetProperty("city").GetString()));
        Assert.Equal("金卡", attributes.GetProperty("values").GetProperty("member_level").GetString());
        Assert.Equal(42.5m, attributes.GetProperty("values").GetProperty("shoe_size").GetDecimal());
        Assert.False(attributes.GetProperty("values").TryGetProperty("visits", out _));
        var identified = (await Get(admin, $"/api/customers/profiles/{profileId}/timeline")).GetProperty("items").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Identified");
        Assert.Contains("visits", identified.GetProperty("detail").GetString());

        // An edit names its version, and every invalid field at once.
        var url = $"/api/customers/profiles/{profileId}";
        Assert.Equal(HttpStatusCode.PreconditionRequired, await Status(admin.PatchAsJsonAsync(url, new { city = "宁波市" })));
        var etag = (await admin.GetAsync(url)).Headers.ETag!.Tag;
        var fields = await Problem(Patch(admin, url, etag, new
        {
            birthday = "2999-01-01", attributes = new Dictionary<string, object> { ["member_level"] = "钻石卡", ["vip_since"] = "yesterday", ["visits"] = 1.5, ["newsletter"] = "maybe", ["nope"] = 1 },
        }));
        Assert.Equal(["attributes.member_level", "attributes.newsletter", "attributes.nope", "attributes.vip_since", "attributes.visits", "birthday"], fields.Order());
        using var edited = await Patch(admin, url, etag, new
        {
            city = "宁波市", attributes = new Dictionary<string, object?> { ["vip_since"] = "2024-03-08T20:00:00Z", ["visits"] = "12", ["newsletter"] = "是", ["member_level"] = null },
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var values = (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values");
        // 20:00 UTC is the next morning in Beijing.
        Assert.Equal(("2024-03-09", 12, true), (values.GetProperty("vip_since").GetString(), values.GetProperty("visits").GetInt32(), values.GetProperty("newsletter").GetBoolean()));
        Assert.False(values.TryGetProperty("member_level", out _));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await Status(Patch(admin, url, etag, new { city = "温州市" })));

        // Head office adds an option and makes the attribute required: an edit of the attributes must then leave it set.
        var level = "/api/customers/attributes/member_level";
        Assert.Equal(["label"], await Problem(Put(admin, level, "\"0\"", new { label = "", options = new[] { "银卡" }, required = true })));
        Assert.Equal(HttpStatusCode.OK, await Status(Put(admin, level, "\"0\"", new { label = "会员等级", options = new[] { "银卡", "金卡", "钻石卡" }, required = true })));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await Status(Put(admin, level, "\"0\"", new { label = "等级", options = new[] { "银卡" }, required = true })));
        etag = (await admin.GetAsync(url)).Headers.ETag!.Tag;
        Assert.Equal(["attributes.member_level"], await Problem(Patch(admin, url, etag, new { attributes = new Dictionary<string, object?> { ["visits"] = 13 } })));
        Assert.Equal(HttpStatusCode.OK, await Status(Patch(admin, url, etag, new { attributes = new Dictionary<string, object?> { ["member_level"] = "钻石卡" } })));
    }

    [Fact]
    public async Task A_deleted_attribute_takes_its_values_with_it_and_its_key_may_be_defined_anew()
    {
        var admin = _brand.Admin;
        Assert.Equal(HttpStatusCode.Created, await Status(admin.PostAsJsonAsync("/api/customers/attributes", new { key = "skin_type", label = "肤质", type = "String" })));
        Assert.Equal(HttpStatusCode.Created, await Status(admin.PostAsJsonAsync("/api/customers/attributes", new { key = "pet", label = "宠物", type = "String" })));
        var profileId = await Identify("m-2", """{"name":"李四","skin_type":"干性","pet":"猫"}""");
        var attribute = "/api/customers/attributes/skin_type";
        Assert.Equal(HttpStatusCode.PreconditionRequired, await Status(admin.DeleteAsync(attribute)));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(Delete(await _brand.SignedIn("operator"), attribute, "\"0\"")));

        using var deleted = await Delete(admin, attribute, "\"0\"");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(1, (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profilesCleared").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, await Status(Delete(admin, attribute, "\"0\"")));
        var values = (await Get(admin, $"/api/customers/profiles/{profileId}")).GetProperty("attributes").GetProperty("values");
        Assert.Equal(["pet"], values.EnumerateObject().Select(v => v.Name).ToArray());

        // The same key as a number now: no old text value turns up under it.
        Assert.Equal(HttpStatusCode.Created, await Status(admin.PostAsJsonAsync("/api/customers/attributes", new { key = "skin_type", label = "肤质评分", type = "Number" })));
        values = (await Get(admin, $"/api/customers/profiles/{profileId}")).GetProperty("attributes").GetProperty("values");
        Assert.False(values.TryGetProperty("skin_type", out _));
    }

    private static Task<HttpResponseMessage> Delete(HttpClient client, string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.IfMatch.ParseAdd(etag);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Consent_is_kept_per_channel_with_its_history_and_leaves_with_the_person()
    {
        var profileId = (await _brand.ProfileOf(await _brand.CustomerAdds("guide.li")))!.Id;
        var dealer = await _brand.SignedIn("dealer");
        var url = $"/api/customers/profiles/{profileId}/consents";
        Assert.Equal(HttpStatusCode.OK, await Status(dealer.PostAsJsonAsync(url, new { channel = "Sms", granted = true, note = "门店纸质同意书" })));
        _brand.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, await Status(dealer.PostAsJsonAsync(url, new { channel = "Sms", granted = false })));
        Assert.Equal(["channel", "granted"], (await Problem(dealer.PostAsJsonAsync(url, new { note = "?" }))).Order());
        // Head office sees the dealer's customer masked, and does not act for them.
        Assert.Equal(HttpStatusCode.NotFound, await Status((await _brand.SignedIn("operator")).PostAsJsonAsync(url, new { channel = "Email", granted = true })));

        var consents = await Get(dealer, url);
        var sms = consents.GetProperty("current").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "Sms");
        Assert.Equal((false, "Console"), (sms.GetProperty("granted").GetBoolean(), sms.GetProperty("source").GetString()));
        Assert.Equal(JsonValueKind.Null, consents.GetProperty("current").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "Email").GetProperty("granted").ValueKind);
        Assert.Equal([false, true], consents.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("granted").GetBoolean()));
        Assert.Equal("门店纸质同意书", consents.GetProperty("history")[1].GetProperty("evidence").GetString());

        var copy = await Get(dealer, $"/api/customers/profiles/{profileId}/personal-data");
        Assert.Equal(["短信", "短信"], copy.GetProperty("consents").EnumerateArray().Select(c => c.GetProperty("channelName").GetString()));

        Assert.Equal(HttpStatusCode.OK, await Status(dealer.PostAsync($"/api/customers/profiles/{profileId}/erasure", null)));
        var records = await _brand.Read(db => db.Consents.AsNoTracking().ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal((null, null), (r.ProfileId, r.Evidence)));
    }

    [Fact]
    public async Task The_consent_a_tracking_call_carries_is_recorded_when_it_changes()
    {
        var writeKey = await WriteKey();
        var profileId = await Identify("m-2", """{"name":"李雷"}""", writeKey, """{"consent":{"categoryPreferences":{"sms":true,"email":false,"fax":true}}}""");
        await Identify("m-2", """{"name":"李雷"}""", writeKey, """{"consent":{"categoryPreferences":{"sms":true,"email":true}}}""", expectNew: false);
        await BrandWithWeCom.Eventually(async () => await _brand.Read(db => db.Consents.CountAsync()) == 3, "three consent changes");
        var consents = await Get(_brand.Admin, $"/api/customers/profiles/{profileId}/consents");
        Assert.All(consents.GetProperty("history").EnumerateArray(), h => Assert.Equal("TrackingApi", h.GetProperty("source").GetString()));
        var current = consents.GetProperty("current").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("granted"));
        Assert.True(current["Sms"].GetBoolean());
        Assert.True(current["Email"].GetBoolean());
    }

    [Fact]
    public async Task The_brands_lifecycle_thresholds_decide_the_stage_shown()
    {
        var profileId = (await _brand.ProfileOf(await _brand.CustomerAdds("guide.wang")))!.Id;
        _brand.Time.Advance(TimeSpan.FromDays(40));
        // Forty days on, the sign-in has expired: sign in again.
        var admin = await _brand.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        Assert.Equal("Active", await Stage(admin, profileId));

        var url = "/api/customers/settings/lifecycle";
        var defaults = await Get(admin, url);
        Assert.Equal((30, 90, false), (defaults.GetProperty("newForDays").GetInt32(), defaults.GetProperty("activeWithinDays").GetInt32(), defaults.GetProperty("customised").GetBoolean()));
        var tighter = new { newForDays = 7, activeWithinDays = 20, atRiskWithinDays = 60, dormantWithinDays = 120 };
        Assert.Equal(HttpStatusCode.PreconditionRequired, await Status(admin.PutAsJsonAsync(url, tighter)));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(Put(await _brand.SignedIn("operator"), url, "\"0\"", tighter)));
        Assert.Equal(["atRiskWithinDays", "dormantWithinDays"],
            (await Problem(Put(admin, url, "\"0\"", new { newForDays = 7, activeWithinDays = 20, atRiskWithinDays = 20, dormantWithinDays = 10 }))).Order());
        Assert.Equal(HttpStatusCode.OK, await Status(Put(admin, url, "\"0\"", tighter)));
        Assert.Equal("AtRisk", await Stage(admin, profileId));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await Status(Put(admin, url, "\"0\"", tighter)));
        var audited = Assert.Single((await Get(admin, "/api/platform/audit?action=customer.settings_changed")).GetProperty("items").EnumerateArray());
        Assert.Contains("at risk 60", audited.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task The_export_is_masked_unless_revealed_and_never_shows_head_office_a_dealers_people()
    {
        var dealersId = (await _brand.ProfileOf(await _brand.CustomerAdds("guide.li")))!.Id;
        var dealersName = (await _brand.Read(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == dealersId))).Name;
        Assert.Equal(HttpStatusCode.Created, await Status(_brand.Admin.PostAsJsonAsync("/api/customers/attributes", new { key = "skin_type", label = "肤质", type = "String" })));
        Assert.Equal(HttpStatusCode.Created, await Status(_brand.Admin.PostAsJsonAsync("/api/customers/attributes", new { key = "newsletter", label = "订阅", type = "Bool" })));
        var ownId = await Identify("m-3", """{"name":"张三丰","phone":"13812345678","skin_type":"干性","newsletter":true}""");

        var masked = await Csv(_brand.Admin, "/api/customers/profiles/export");
        Assert.StartsWith("客户ID,客户,手机,性别", masked[0]);
        // The brand's own attributes follow the built-in columns, in the order they were defined (by key within one instant).
        Assert.EndsWith(",订阅,肤质", masked[0]);
        var own = masked.Single(l => l.StartsWith(ownId.ToString()));
        Assert.EndsWith(",是,干性", own);
        Assert.Contains("张**", own);
        Assert.Contains("138****5678", own);
        Assert.DoesNotContain("13812345678", string.Join("\n", masked));

        var clear = await Csv(_brand.Admin, "/api/customers/profiles/export?unmasked=true");
        Assert.Contains("张三丰,13812345678", clear.Single(l => l.StartsWith(ownId.ToString())));
        var dealers = clear.Single(l => l.StartsWith(dealersId.ToString()));
        Assert.DoesNotContain(dealersName, dealers);
        Assert.Contains(",是", dealers);

        Assert.Equal(HttpStatusCode.Forbidden, await Status((await _brand.SignedIn("operator")).GetAsync("/api/customers/profiles/export?unmasked=true")));
        Assert.Equal(HttpStatusCode.Forbidden, await Status((await _brand.SignedIn("analyst")).GetAsync("/api/customers/profiles/export")));
        var dealerFile = await Csv(await _brand.SignedIn("dealer"), "/api/customers/profiles/export?unmasked=true");
        Assert.Equal(2, dealerFile.Length);
        Assert.Contains(dealersName, dealerFile[1]);

        using var xlsx = await _brand.Admin.GetAsync("/api/customers/profiles/export?format=xlsx&q=13812345678");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);

        var lines = (await Get(_brand.Admin, "/api/platform/audit?action=data.exported")).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("summary").GetString()!).Where(s => s.StartsWith("customers export")).ToList();
        Assert.Contains(lines, s => s.Contains("2 rows, masked"));
        Assert.Contains(lines, s => s.Contains("2 rows, unmasked"));
        Assert.Contains(lines, s => s.Contains("(xlsx): 1 rows, masked; search by mobile"));
        Assert.All(lines, s => Assert.DoesNotContain("1381", s));
    }

    private static async Task<string> Stage(HttpClient admin, Guid profileId) =>
        (await Get(admin, $"/api/customers/profiles/{profileId}")).GetProperty("value").GetProperty("stage").GetString()!;

    private async Task<string> WriteKey()
    {
        using var response = await _brand.Admin.PostAsJsonAsync("/api/customers/sources", new { name = $"官网{Guid.NewGuid():N}"[..10] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("writeKey").GetString()!;
    }

    /// <summary>Sends an identify call and returns the profile it names once the inbox has handled it.</summary>
    private async Task<Guid> Identify(string userId, string traits, string? writeKey = null, string context = "{}", bool expectNew = true)
    {
        writeKey ??= await WriteKey();
        var client = _brand.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        var body = $$"""{"userId":"{{userId}}","messageId":"{{Guid.NewGuid():N}}","traits":{{traits}},"context":{{context}}}""";
        var before = await _brand.Read(db => db.Timeline.CountAsync());
        using (var response = await client.PostAsync("/v1/identify", new StringContent(body, Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await BrandWithWeCom.Eventually(async () => await _brand.Read(db => db.Timeline.CountAsync()) > before, $"the identify call of {userId}");
        return await _brand.Read(db => db.Identities.Where(i => i.Type == IdentityType.UserId && i.Key == userId).Select(i => i.ProfileId).SingleAsync());
    }

    private static async Task<string[]> Csv(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
    }

    private static Task<HttpResponseMessage> Patch(HttpClient client, string url, string etag, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body), Headers = { { "If-Match", etag } } });

    private static Task<HttpResponseMessage> Put(HttpClient client, string url, string etag, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body), Headers = { { "If-Match", etag } } });

    private static async Task<HttpStatusCode> Status(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.StatusCode;
    }

    /// <summary>The fields a 400 names.</summary>
    private static async Task<string[]> Problem(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
    }

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed class CustomerDataSqlite() : CustomerDataTests("sqlite");

public sealed class CustomerDataPostgres() : CustomerDataTests("postgres");
