using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.WeComFeed;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>WeCom adds and losses become profiles, relationships and timeline lines, seen by whom they belong to.</summary>
public abstract class ProfilesFromWeComTests(string provider) : IAsyncLifetime
{
    private BrandWithWeCom _brand = null!;

    public async Task InitializeAsync() => _brand = await BrandWithWeCom.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_customer_who_adds_a_head_office_guide_has_a_profile_with_the_relationship_and_a_timeline_line()
    {
        var externalUserId = await _brand.CustomerAdds("guide.wang");

        var list = await Get(_brand.Admin, $"/api/customers/profiles?q={externalUserId}");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.False(row.GetProperty("masked").GetBoolean());
        Assert.Equal("南京西路店", row.GetProperty("storeName").GetString());
        Assert.Equal("王芳", row.GetProperty("guideName").GetString());
        var id = row.GetProperty("id").GetGuid();

        var view = await Get(_brand.Admin, $"/api/customers/profiles/{id}");
        Assert.Contains(view.GetProperty("identities").EnumerateArray(),
            i => i.GetProperty("type").GetString() == "WeComExternalUserId" && i.GetProperty("value").GetString() == externalUserId);
        var relationship = Assert.Single(view.GetProperty("relationships").EnumerateArray());
        Assert.Equal(("guide.wang", "Active"), (relationship.GetProperty("staffUserId").GetString(), relationship.GetProperty("status").GetString()));

        var timeline = await Get(_brand.Admin, $"/api/customers/profiles/{id}/timeline");
        var line = Assert.Single(timeline.GetProperty("items").EnumerateArray());
        Assert.Equal(("WeComAdded", "guide.wang"), (line.GetProperty("kind").GetString(), line.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task A_dealers_customer_is_seen_by_the_dealer_and_its_guide_and_only_counted_by_head_office()
    {
        var dealersCustomer = await _brand.CustomerAdds("guide.li");
        var hqCustomer = await _brand.CustomerAdds("guide.wang");
        var profile = await _brand.ProfileOf(dealersCustomer);
        Assert.NotNull(profile);
        Assert.NotEqual(Guid.Empty, profile.OwnerDealerId ?? Guid.Empty);

        var dealer = await _brand.SignedIn("dealer");
        var dealersView = await Get(dealer, "/api/customers/profiles");
        var seen = Assert.Single(dealersView.GetProperty("items").EnumerateArray());
        Assert.Equal(profile.Name, seen.GetProperty("name").GetString());
        Assert.False(seen.GetProperty("masked").GetBoolean());
        Assert.Equal(1, (await Get(await _brand.SignedIn("li"), "/api/customers/profiles")).GetProperty("total").GetInt32());
        using (var other = await (await _brand.SignedIn("wang")).GetAsync($"/api/customers/profiles/{profile.Id}"))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // Head office counts both, sees its own store's customer, and only a masked row of the dealer's.
        var hqView = await Get(_brand.Admin, "/api/customers/profiles");
        Assert.Equal(2, hqView.GetProperty("total").GetInt32());
        var masked = hqView.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == profile.Id);
        Assert.True(masked.GetProperty("masked").GetBoolean());
        Assert.NotEqual(profile.Name, masked.GetProperty("name").GetString());
        var hqDetail = await Get(_brand.Admin, $"/api/customers/profiles/{profile.Id}");
        Assert.All(hqDetail.GetProperty("identities").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("value").ValueKind));
        Assert.DoesNotContain(dealersCustomer, hqDetail.ToString());
        Assert.DoesNotContain(dealersCustomer, (await Get(_brand.Admin, $"/api/customers/profiles/{profile.Id}/timeline")).ToString());
        // Finding a person is seeing them: head office's search does not reach the dealer's customers.
        Assert.Equal(0, (await Get(_brand.Admin, $"/api/customers/profiles?q={dealersCustomer}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Get(_brand.Admin, $"/api/customers/profiles?q={hqCustomer}")).GetProperty("total").GetInt32());

        // Analysts see customers as aggregates only.
        using var analyst = await (await _brand.SignedIn("analyst")).GetAsync("/api/customers/profiles");
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
    }

    [Fact]
    public async Task A_dealer_that_shares_its_customers_details_lets_head_office_see_them_until_it_stops()
    {
        var dealersCustomer = await _brand.CustomerAdds("guide.li");
        var profile = (await _brand.ProfileOf(dealersCustomer))!;
        var dealer = await _brand.SignedIn("dealer");
        var url = $"/api/platform/org-units/{_brand.Dealer}/customer-sharing";

        // Head office may not grant itself what the dealer holds.
        using (var byHeadOffice = await _brand.Admin.PutAsJsonAsync(url, new { share = true })) Assert.Equal(HttpStatusCode.Forbidden, byHeadOffice.StatusCode);
        await Share(dealer, url, true);
        var seen = await Get(_brand.Admin, $"/api/customers/profiles/{profile.Id}");
        Assert.Equal((profile.Name, false), (seen.GetProperty("profile").GetProperty("name").GetString(), seen.GetProperty("profile").GetProperty("masked").GetBoolean()));
        Assert.Equal(1, (await Get(_brand.Admin, $"/api/customers/profiles?q={dealersCustomer}")).GetProperty("total").GetInt32());

        await Share(dealer, url, false);
        Assert.True((await Get(_brand.Admin, $"/api/customers/profiles/{profile.Id}")).GetProperty("profile").GetProperty("masked").GetBoolean());
        var audit = await Get(_brand.Admin, "/api/platform/audit?action=org.customer_sharing_changed");
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_erased_customer_keeps_no_identifier_or_name_here_or_in_the_WeCom_module()
    {
        var externalUserId = await _brand.CustomerAdds("guide.li");
        var profile = (await _brand.ProfileOf(externalUserId))!;
        var dealer = await _brand.SignedIn("dealer");

        using (var erased = await dealer.PostAsync($"/api/customers/profiles/{profile.Id}/erasure", null))
            Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        Assert.Null(await _brand.ProfileOf(externalUserId));
        var view = await Get(dealer, $"/api/customers/profiles/{profile.Id}");
        Assert.Equal(("", true), (view.GetProperty("profile").GetProperty("name").GetString(), view.GetProperty("profile").GetProperty("erased").GetBoolean()));
        Assert.Empty(view.GetProperty("identities").EnumerateArray());
        Assert.Single(view.GetProperty("relationships").EnumerateArray());
        Assert.DoesNotContain(externalUserId, view.ToString() + await _brand.Read(db => db.Timeline.Where(t => t.ProfileId == profile.Id)
            .Select(t => t.SourceKey + t.Subject + t.Properties).ToListAsync()).ContinueWith(t => string.Concat(t.Result)));
        // The WeCom module hears of it and forgets the contact's name.
        await BrandWithWeCom.Eventually(async () =>
            (await Get(_brand.Admin, $"/api/wecom/relations?q={externalUserId}")).GetProperty("items").EnumerateArray()
                .All(r => r.GetProperty("customerName").GetString() == ""), "the WeCom contact to be forgotten");
        Assert.Equal(1, (await Get(_brand.Admin, "/api/platform/audit?action=customer.erased")).GetProperty("total").GetInt32());
    }

    private static async Task Share(HttpClient dealer, string url, bool share)
    {
        using var unit = await dealer.GetAsync(url.Replace("/customer-sharing", ""));
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { share }) };
        request.Headers.TryAddWithoutValidation("If-Match", unit.Headers.ETag!.Tag);
        using var response = await dealer.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_customer_who_deletes_the_guide_keeps_the_profile_with_the_relationship_lost_and_on_the_timeline()
    {
        var externalUserId = await _brand.CustomerAdds("guide.li");
        var profile = (await _brand.ProfileOf(externalUserId))!;
        await _brand.Simulator.Crowd.CustomerDeletesStaff(BrandWithWeCom.CorpId, "guide.li", externalUserId);

        await BrandWithWeCom.Eventually(() => _brand.Read(db => db.Timeline.AnyAsync(t => t.ProfileId == profile.Id && t.Kind == Timeline.TimelineKind.WeComLost)),
            "the loss on the timeline");
        var view = await Get(await _brand.SignedIn("dealer"), $"/api/customers/profiles/{profile.Id}");
        Assert.Equal("Lost", Assert.Single(view.GetProperty("relationships").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_announcement_delivered_twice_changes_nothing_the_second_time()
    {
        var externalUserId = await _brand.CustomerAdds("guide.wang");
        var added = await _brand.Read(db => db.Relationships.AsNoTracking().SingleAsync(r => r.ExternalUserId == externalUserId));
        var before = await Counts();

        await _brand.App.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(_brand.TenantId, "integration");
            await sp.GetRequiredService<WeComAddIntake>().Handle(
                new CustomerAddedStaff(_brand.TenantId, externalUserId, "guide.wang", added.State, 1, added.AddedAt, false), CancellationToken.None);
            return 0;
        });

        Assert.Equal(before, await Counts());
    }

    private Task<(int, int, int, int)> Counts() => _brand.Read(async db =>
        (await db.Profiles.CountAsync(), await db.Identities.CountAsync(), await db.Relationships.CountAsync(), await db.Timeline.CountAsync()));
}

public sealed class ProfilesFromWeComSqlite() : ProfilesFromWeComTests("sqlite");

public sealed class ProfilesFromWeComPostgres() : ProfilesFromWeComTests("postgres");
