using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Data;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// Parcel cards on the real server and the WeCom simulator: Tmall orders imported through the Customers module's
/// import, a card per order for a pool code, the card's public page showing a guide's own way, and the customer who
/// adds through it becoming one profile with the order's buyer. Generating again gives the same cards; bad batches
/// and unknown tokens are refused with clear words and store nothing.
/// </summary>
public abstract class ParcelCardTests(string provider) : IAsyncLifetime
{
    private const string OrderOfMing = "296400000000000001";
    private const string OrderOfHong = "296400000000000002";
    private const string BuyerMing = "tb_小明2026";

    private AcquisitionBrand _brand = null!;
    private HttpClient _customer = null!;

    public async Task InitializeAsync()
    {
        _brand = await AcquisitionBrand.Start(provider, new Dictionary<string, string?> { ["Waterwheel:Customers:Imports:PollInterval"] = "00:00:00.100" });
        _customer = _brand.App.Anonymous();
    }

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task A_tmall_buyer_who_adds_through_the_card_of_their_order_is_one_profile_with_the_buyer_id_and_the_external_userid()
    {
        await ImportTmallOrders();
        var codeId = await PoolCode();

        var batch = await Cards(codeId, "tmall", OrderOfMing, OrderOfHong);
        Assert.Equal((2, 0), (batch.GetProperty("created").GetInt32(), batch.GetProperty("existing").GetInt32()));
        var card = batch.GetProperty("cards")[0];
        Assert.Equal(OrderOfMing, card.GetProperty("orderNumber").GetString());
        var url = card.GetProperty("url").GetString()!;
        var token = card.GetProperty("token").GetString()!;
        Assert.Matches(new Regex("^/h5/card/[A-Za-z0-9_-]{12}$"), url);

        // The card's page shows a guide of the code and their QR; nothing of the order, the buyer or anyone's ids.
        var page = await _customer.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("添加您的专属顾问", html);
        foreach (var hidden in new[] { OrderOfMing, BuyerMing, "guide.li", "guide.wang", codeId.ToString() }) Assert.DoesNotContain(hidden, html);
        var qr = WebUtility.HtmlDecode(Regex.Match(html, "src=\"([^\"]+)\"").Groups[1].Value);
        string configId;
        lock (_brand.Simulator.State.Sync)
        {
            var way = _brand.Corp.ContactWays.Values.Single(w => w.QrCode == qr);
            (configId, var state) = (way.ConfigId, way.State);
            Assert.Equal(1, way.Type);
            Assert.Equal("pc" + token, state);
        }
        // Opened again, the card shows the same guide's way: one way per card.
        Assert.Contains(qr, WebUtility.HtmlDecode(await _customer.GetStringAsync(url)));

        var added = await _brand.Simulator.Crowd.ScanContactWay(AcquisitionBrand.CorpId, configId);
        await AcquisitionBrand.Eventually(async () => await Buyer(BuyerMing) is { } buyer && buyer == await ProfileOf(added.ExternalUserid),
            async () => $"one profile holding {BuyerMing} and the contact; the buyer's is {await Buyer(BuyerMing)}, the contact's {await ProfileOf(added.ExternalUserid)}");
        var profile = (await Buyer(BuyerMing))!.Value;
        Assert.Equal([added.ExternalUserid], await _brand.AsTenant(sp => sp.GetRequiredService<ICustomerFacts>().WeComContacts(profile, CancellationToken.None)));
        // The order went with the buyer into the one profile.
        var orders = await AcquisitionBrand.Send(_brand.Admin.GetAsync($"/api/customers/profiles/{profile}/orders"));
        Assert.Equal(OrderOfMing, orders.GetProperty("items")[0].GetProperty("orderId").GetString());
        await AcquisitionBrand.Eventually(() => _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals
            .AnyAsync(a => a.CodeId == codeId && a.ExternalUserId == added.ExternalUserid)), "the add as the code's arrival");

        // Someone else in the household adds through the same card: an arrival of the code, but not the buyer.
        var other = await _brand.Simulator.Crowd.ScanContactWay(AcquisitionBrand.CorpId, configId);
        await AcquisitionBrand.Eventually(async () => await ProfileOf(other.ExternalUserid) is not null, "the second customer's profile");
        await AcquisitionBrand.Eventually(() => _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals
            .AnyAsync(a => a.ExternalUserId == other.ExternalUserid)), "the second arrival");
        Assert.NotEqual(profile, await ProfileOf(other.ExternalUserid));
        Assert.Equal(profile, await Buyer(BuyerMing));

        var stats = await AcquisitionBrand.Send(_brand.Admin.GetAsync($"/api/acquisition/codes/{codeId}/landing-stats"));
        Assert.Equal(2, stats.GetProperty("views").GetInt32());
        var listed = await AcquisitionBrand.Send(_brand.Admin.GetAsync($"/api/acquisition/codes/{codeId}/cards"));
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        var (ming, hong) = (listed.GetProperty("items")[0], listed.GetProperty("items")[1]);
        Assert.Equal((OrderOfMing, OrderOfHong), (ming.GetProperty("orderNumber").GetString(), hong.GetProperty("orderNumber").GetString()));
        Assert.Equal((true, false), (ming.GetProperty("opened").GetBoolean(), hong.GetProperty("opened").GetBoolean()));
        Assert.NotEqual(JsonValueKind.Null, ming.GetProperty("linkedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, hong.GetProperty("linkedAt").ValueKind);
    }

    [Fact]
    public async Task Generating_cards_again_gives_the_same_cards_and_the_export_lists_them_once()
    {
        await ImportTmallOrders();
        var codeId = await PoolCode();
        var first = await Cards(codeId, "tmall", OrderOfMing);
        var again = await Cards(codeId, "tmall", OrderOfHong, OrderOfMing, OrderOfMing);
        Assert.Equal((1, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("existing").GetInt32()));
        Assert.Equal(first.GetProperty("cards")[0].GetProperty("token").GetString(), again.GetProperty("cards")[1].GetProperty("token").GetString());
        Assert.Equal(again.GetProperty("cards")[1].GetProperty("token").GetString(), again.GetProperty("cards")[2].GetProperty("token").GetString());
        Assert.Equal(2, await StoredCards());

        using var csv = await _brand.Admin.GetAsync($"/api/acquisition/codes/{codeId}/cards.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("平台,订单号,卡片链接,二维码图片", lines[0]);
        Assert.Equal(3, lines.Length);
        var token = first.GetProperty("cards")[0].GetProperty("token").GetString()!;
        Assert.Contains(lines, l => l.StartsWith($"tmall,=\"{OrderOfMing}\",", StringComparison.Ordinal) && l.Contains($"/h5/card/{token},"));

        using var png = await _brand.Admin.GetAsync($"/api/acquisition/cards/{token}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _brand.Admin.GetAsync("/api/acquisition/cards/AAAAAAAAAAAA/qr.png")).StatusCode);

        // Deleting the code takes its opened cards' ways out of WeCom and closes their pages.
        var page = $"/h5/card/{token}";
        Assert.Equal(HttpStatusCode.OK, (await _customer.GetAsync(page)).StatusCode);
        lock (_brand.Simulator.State.Sync) Assert.Single(_brand.Corp.ContactWays.Values, w => w.State == "pc" + token);
        var version = (await AcquisitionBrand.Send(_brand.Admin.GetAsync($"/api/acquisition/codes/{codeId}"))).GetProperty("version").GetInt32();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/acquisition/codes/{codeId}");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        await AcquisitionBrand.Send(_brand.Admin.SendAsync(delete), HttpStatusCode.NoContent);
        lock (_brand.Simulator.State.Sync) Assert.DoesNotContain(_brand.Corp.ContactWays.Values, w => w.State.StartsWith("pc", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _customer.GetAsync(page)).StatusCode);
        Assert.Equal(2, await StoredCards());
    }

    [Fact]
    public async Task Bad_batches_are_refused_with_every_problem_and_store_nothing_and_an_unknown_card_says_so()
    {
        await ImportTmallOrders();
        var codeId = await PoolCode();

        var unknown = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/acquisition/codes/{codeId}/cards",
            new { channel = "tmall", orderNumbers = new[] { OrderOfMing, "999999", "" } }), HttpStatusCode.BadRequest);
        var errors = unknown.GetProperty("errors");
        Assert.True(errors.TryGetProperty("orderNumbers[2]", out _), unknown.ToString());
        Assert.False(errors.TryGetProperty("orderNumbers[0]", out _), unknown.ToString());

        var notImported = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/acquisition/codes/{codeId}/cards",
            new { channel = "tmall", orderNumbers = new[] { OrderOfMing, "999999" } }), HttpStatusCode.BadRequest);
        Assert.Contains("订单 999999 尚未从该平台导入", notImported.GetProperty("errors").GetProperty("orderNumbers[1]")[0].GetString());

        // The orders were imported from Tmall; under JD they are unknown.
        var wrongPlatform = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/acquisition/codes/{codeId}/cards",
            new { channel = "jd", orderNumbers = new[] { OrderOfMing } }), HttpStatusCode.BadRequest);
        Assert.True(wrongPlatform.GetProperty("errors").TryGetProperty("orderNumbers[0]", out _), wrongPlatform.ToString());

        var noChannel = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/acquisition/codes/{codeId}/cards",
            new { channel = "ebay", orderNumbers = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.True(noChannel.GetProperty("errors").TryGetProperty("channel", out _), noChannel.ToString());
        Assert.True(noChannel.GetProperty("errors").TryGetProperty("orderNumbers", out _), noChannel.ToString());

        var tooLong = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/acquisition/codes/{codeId}/cards",
            new { channel = "tmall", orderNumbers = new[] { new string('9', 65) } }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("orderNumbers[0]", out _), tooLong.ToString());
        Assert.Equal(0, await StoredCards());

        await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/acquisition/codes/{Guid.NewGuid()}/cards",
            new { channel = "tmall", orderNumbers = new[] { OrderOfMing } }), HttpStatusCode.NotFound);

        foreach (var token in new[] { "AAAAAAAAAAAA", "short", "<script>" })
        {
            var gone = await _customer.GetAsync($"/h5/card/{Uri.EscapeDataString(token)}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Contains("该包裹卡已停用", await gone.Content.ReadAsStringAsync());
        }
        Assert.Contains("This card is no longer in use", await (await _customer.GetAsync("/h5/card/AAAAAAAAAAAA?culture=en")).Content.ReadAsStringAsync());
    }

    /// <summary>Two Tmall orders of two buyers, imported as the shop's back office exports them.</summary>
    private async Task ImportTmallOrders()
    {
        var csv = "订单编号,买家会员名,买家实际支付金额,订单创建时间,订单付款时间,收货人姓名,联系手机,订单状态,宝贝标题\r\n"
                  + $"=\"{OrderOfMing}\",{BuyerMing},199.00,2026-11-20 10:00:00,2026-11-20 10:01:00,小明,13800001111,交易成功,羊绒围巾\r\n"
                  + $"=\"{OrderOfHong}\",tb_小红2026,99.00,2026-11-21 11:00:00,2026-11-21 11:01:00,小红,13800002222,交易成功,手套\r\n";
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "ExportOrderList.csv");
        var job = (await AcquisitionBrand.Send(_brand.Admin.PostAsync("/api/customers/imports?template=tmall", content), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Until(job, "Validated");
        await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/customers/imports/{job}/commit", new { mode = "AllOrNothing" }));
        await Until(job, "Done");
    }

    private async Task Until(Guid job, string status)
    {
        var seen = "";
        await AcquisitionBrand.Eventually(async () =>
            (seen = (await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{job}")).GetProperty("status").GetString()!) == status,
            () => Task.FromResult($"the import to be {status}; it is {seen}"));
    }

    private async Task<Guid> PoolCode()
    {
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "天猫包裹卡", kind = "ParcelCard", cost = 0.3m });
        return await _brand.Created("/api/acquisition/codes", new
        {
            channelId = channel, name = "包裹卡活码", policy = "RoundRobin",
            pool = new[] { new { staffId = _brand.Staff["guide.li"] }, new { staffId = _brand.Staff["guide.wang"] } },
        });
    }

    private Task<JsonElement> Cards(Guid codeId, string channel, params string[] orderNumbers) =>
        AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync($"/api/acquisition/codes/{codeId}/cards", new { channel, orderNumbers }));

    private Task<int> StoredCards() => _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Cards.CountAsync());

    private Task<Guid?> Buyer(string buyerId) => _brand.AsTenant(async sp =>
        (await sp.GetRequiredService<ICustomerFacts>().Resolve(CustomerIdentifier.TaobaoBuyerId, [buyerId], CancellationToken.None))[0].ProfileId);

    private Task<Guid?> ProfileOf(string externalUserId) =>
        _brand.AsTenant(sp => sp.GetRequiredService<ICustomerFacts>().ProfileOfWeComContact(externalUserId, CancellationToken.None));
}

public sealed class ParcelCardSqlite() : ParcelCardTests("sqlite");

public sealed class ParcelCardPostgres() : ParcelCardTests("postgres");
