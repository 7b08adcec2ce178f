using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// The WeCom lists (new customers, relation alerts) hold the rule the customer list holds: head office sees a dealer's
/// customers counted but unnamed (no name, no external_userid, not found by a search for either) until the dealer
/// shares, and an analyst sees no one. Their exports say the same.
/// </summary>
public abstract class WeComListScopeTests(string provider) : IAsyncLifetime
{
    private BrandWithWeCom _brand = null!;

    public async Task InitializeAsync() => _brand = await BrandWithWeCom.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task Head_office_sees_a_dealers_relationships_and_alerts_counted_but_unnamed_and_an_analyst_sees_no_one()
    {
        var dealersCustomer = await _brand.CustomerAdds("guide.li");
        var leaving = await _brand.CustomerAdds("guide.li");
        var hqCustomer = await _brand.CustomerAdds("guide.wang");
        await _brand.Simulator.Crowd.CustomerDeletesStaff(BrandWithWeCom.CorpId, "guide.li", leaving);
        await BrandWithWeCom.Eventually(async () => (await Get(_brand.Admin, "/api/wecom/relation-alerts")).GetProperty("total").GetInt32() == 1, "the loss alert");
        var dealersName = (await _brand.ProfileOf(dealersCustomer))!.Name;
        var hqName = (await _brand.ProfileOf(hqCustomer))!.Name;
        Assert.False(string.IsNullOrEmpty(dealersName));

        var headOffice = await Get(_brand.Admin, "/api/wecom/relations");
        Assert.Equal(3, headOffice.GetProperty("total").GetInt32());
        var unnamed = Items(headOffice).Where(r => r.GetProperty("staffUserId").GetString() == "guide.li").ToList();
        Assert.Equal(2, unnamed.Count);
        Assert.All(unnamed, r => Assert.Equal(("", "", true),
            (r.GetProperty("customerName").GetString(), r.GetProperty("externalUserId").GetString(), r.GetProperty("hidden").GetBoolean())));
        var named = Items(headOffice).Single(r => r.GetProperty("staffUserId").GetString() == "guide.wang");
        Assert.Equal((hqCustomer, hqName, false), (named.GetProperty("externalUserId").GetString(), named.GetProperty("customerName").GetString(), named.GetProperty("hidden").GetBoolean()));
        // Neither a name nor an id finds a person head office may not see; the guide's userid finds the rows, unnamed.
        Assert.Equal(0, (await Get(_brand.Admin, $"/api/wecom/relations?q={Uri.EscapeDataString(dealersName)}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Get(_brand.Admin, $"/api/wecom/relations?q={dealersCustomer}")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await Get(_brand.Admin, "/api/wecom/relations?q=guide.li")).GetProperty("total").GetInt32());

        // An analyst reads customers as figures only: every row is there, no one is named.
        var analyst = await Get(await _brand.SignedIn("analyst"), "/api/wecom/relations");
        Assert.Equal(3, analyst.GetProperty("total").GetInt32());
        Assert.All(Items(analyst), r => Assert.True(r.GetProperty("hidden").GetBoolean()));

        // Head office follows up the dealer's loss without learning who it was.
        var alert = Items(await Get(_brand.Admin, "/api/wecom/relation-alerts")).Single();
        Assert.Equal(("", true), (alert.GetProperty("externalUserId").GetString(), alert.GetProperty("hidden").GetBoolean()));
        using (var closing = await _brand.Admin.PostAsJsonAsync($"/api/wecom/relation-alerts/{alert.GetProperty("id").GetGuid()}/handle", new { note = "已请经销商回访" }))
        {
            var closed = await closing.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((HttpStatusCode.OK, "", ""), (closing.StatusCode, closed.GetProperty("externalUserId").GetString(), closed.GetProperty("customerName").GetString()));
        }

        // The files hold what the lists hold.
        var file = await Csv(_brand.Admin, "/api/wecom/relations/export");
        Assert.Equal(4, file.Length);
        Assert.Contains(file, line => line.Contains(hqName, StringComparison.Ordinal));
        Assert.DoesNotContain(file, line => line.Contains(dealersName, StringComparison.Ordinal) || line.Contains(dealersCustomer, StringComparison.Ordinal));
        Assert.DoesNotContain(await Csv(_brand.Admin, "/api/wecom/relation-alerts/export"), line => line.Contains(leaving, StringComparison.Ordinal));

        // The dealer's guide leaves: her customers stay the dealer's, unnamed for head office still.
        var li = Items(await Get(_brand.Admin, "/api/platform/staff?q=李娜")).Single().GetProperty("id").GetGuid();
        using (var left = await _brand.Admin.PostAsync($"/api/platform/staff/{li}/leave", null)) Assert.True(left.IsSuccessStatusCode);
        Assert.All(Items(await Get(_brand.Admin, "/api/wecom/relations?q=guide.li")), r => Assert.True(r.GetProperty("hidden").GetBoolean()));

        // A search's text stays out of the audit line of the export it filtered.
        Assert.Equal(2, (await Csv(_brand.Admin, $"/api/wecom/relations/export?q={Uri.EscapeDataString(hqName)}")).Length);
        var exports = await Get(_brand.Admin, "/api/platform/audit?action=data.exported");
        Assert.True(exports.GetProperty("total").GetInt32() >= 3);
        Assert.DoesNotContain(hqName, exports.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dealer_a_store_manager_and_a_guide_see_and_follow_up_only_their_own_customers()
    {
        var dealersCustomer = await _brand.CustomerAdds("guide.li");
        var leaving = await _brand.CustomerAdds("guide.li");
        var hqCustomer = await _brand.CustomerAdds("guide.wang");
        await _brand.Simulator.Crowd.CustomerDeletesStaff(BrandWithWeCom.CorpId, "guide.li", leaving);
        await BrandWithWeCom.Eventually(async () => (await Get(_brand.Admin, "/api/wecom/relation-alerts")).GetProperty("total").GetInt32() == 1, "the loss alert");

        var dealer = await _brand.SignedIn("dealer");
        var dealers = await Get(dealer, "/api/wecom/relations");
        Assert.Equal(2, dealers.GetProperty("total").GetInt32());
        Assert.All(Items(dealers), r => Assert.Equal(("guide.li", false), (r.GetProperty("staffUserId").GetString(), r.GetProperty("hidden").GetBoolean())));
        var dealersName = Items(dealers).Single(r => r.GetProperty("externalUserId").GetString() == dealersCustomer).GetProperty("customerName").GetString()!;
        Assert.Equal(2, (await Get(await _brand.SignedIn("manager"), "/api/wecom/relations")).GetProperty("total").GetInt32());
        var wang = await _brand.SignedIn("wang");
        Assert.Equal([hqCustomer], Items(await Get(wang, "/api/wecom/relations")).Select(r => r.GetProperty("externalUserId").GetString()));
        Assert.Equal(0, (await Get(wang, $"/api/wecom/relations?q={dealersCustomer}")).GetProperty("total").GetInt32());

        // The loss is the dealer's to follow up; the other store's guide neither sees nor closes it.
        var alert = Items(await Get(dealer, "/api/wecom/relation-alerts")).Single();
        Assert.Equal(leaving, alert.GetProperty("externalUserId").GetString());
        Assert.Equal(0, (await Get(wang, "/api/wecom/relation-alerts")).GetProperty("total").GetInt32());
        var handle = $"/api/wecom/relation-alerts/{alert.GetProperty("id").GetGuid()}/handle";
        using (var closing = await wang.PostAsJsonAsync(handle, new { note = "打过电话" })) Assert.Equal(HttpStatusCode.NotFound, closing.StatusCode);
        using (var closing = await dealer.PostAsJsonAsync(handle, new { note = "打过电话" })) Assert.Equal(HttpStatusCode.OK, closing.StatusCode);

        var file = await Csv(dealer, "/api/wecom/relations/export");
        Assert.Equal(3, file.Length);
        Assert.Contains(file, line => line.Contains(dealersName, StringComparison.Ordinal));
        // The corp's member list is head office's setting.
        using (var members = await dealer.GetAsync("/api/wecom/members")) Assert.Equal(HttpStatusCode.Forbidden, members.StatusCode);
    }

    [Fact]
    public async Task A_dealer_that_shares_lets_head_office_see_its_customers_in_the_lists()
    {
        var dealersCustomer = await _brand.CustomerAdds("guide.li");
        var dealer = await _brand.SignedIn("dealer");
        var url = $"/api/platform/org-units/{_brand.Dealer}/customer-sharing";
        using var unit = await dealer.GetAsync($"/api/platform/org-units/{_brand.Dealer}");
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { share = true }) };
        request.Headers.TryAddWithoutValidation("If-Match", unit.Headers.ETag!.Tag);
        (await dealer.SendAsync(request)).EnsureSuccessStatusCode();

        var row = Items(await Get(_brand.Admin, $"/api/wecom/relations?q={dealersCustomer}")).Single();
        Assert.Equal((dealersCustomer, false), (row.GetProperty("externalUserId").GetString(), row.GetProperty("hidden").GetBoolean()));
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static async Task<string[]> Csv(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class WeComListScopeSqlite() : WeComListScopeTests("sqlite");

public sealed class WeComListScopePostgres() : WeComListScopeTests("postgres");
