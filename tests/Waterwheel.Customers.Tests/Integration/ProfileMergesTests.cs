using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.WeComFeed;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// One WeChat user behind two external_userids (a contact WeCom first reported without a unionid, then with the one
/// another profile holds): the profiles merge, the merge is listed and undone through the API, seen by whom it
/// belongs to.
/// </summary>
public abstract class ProfileMergesTests(string provider) : IAsyncLifetime
{
    private BrandWithWeCom _brand = null!;

    public async Task InitializeAsync() => _brand = await BrandWithWeCom.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task A_unionid_another_profile_holds_merges_the_two_and_undoing_it_restores_both()
    {
        var (first, second, unionId) = await OnePersonTwoContacts("guide.li", "guide.wang");
        var survivor = (await _brand.ProfileOf(first))!;
        var merged = (await _brand.ProfileOf(second))!;
        Assert.NotEqual(survivor.Id, merged.Id);

        await SameContactAdds(second, "guide.li", unionId);
        await BrandWithWeCom.Eventually(async () => (await _brand.ProfileOf(second))?.Id == survivor.Id, "the merge");

        var dealer = await _brand.SignedIn("dealer");
        var merge = Assert.Single((await Get(dealer, $"/api/customers/profiles/{survivor.Id}/merges")).EnumerateArray());
        Assert.Equal(merged.Id, merge.GetProperty("mergedId").GetGuid());
        Assert.Equal(["UnionId", "WeComExternalUserId"], merge.GetProperty("causedBy").EnumerateArray().Select(t => t.GetString()!).Order());
        Assert.Equal(1, merge.GetProperty("relationshipsMoved").GetInt32());
        Assert.Equal(3, (await Get(dealer, $"/api/customers/profiles/{survivor.Id}")).GetProperty("relationships").GetArrayLength());
        // A merged profile lives on in its survivor: its own id finds nothing.
        Assert.Equal(HttpStatusCode.NotFound, await Status(_brand.Admin.GetAsync($"/api/customers/profiles/{merged.Id}")));
        Assert.Equal(1, (await Get(dealer, "/api/customers/profiles")).GetProperty("total").GetInt32());

        var undo = $"/api/customers/profiles/{survivor.Id}/merges/{merge.GetProperty("id").GetGuid()}/undo";
        Assert.Equal(HttpStatusCode.Forbidden, await Status((await _brand.SignedIn("li")).PostAsync(undo, null)));
        Assert.Equal(HttpStatusCode.OK, await Status(dealer.PostAsync(undo, null)));
        Assert.Equal(HttpStatusCode.Conflict, await Status(dealer.PostAsync(undo, null)));
        // Undoing is audited once, naming who and which merge, and nothing that identifies the person.
        var audited = Assert.Single((await Get(_brand.Admin, "/api/platform/audit?action=customer.merge_undone")).GetProperty("items").EnumerateArray());
        Assert.Equal(merge.GetProperty("id").GetString(), audited.GetProperty("targetId").GetString());
        Assert.Equal("user", audited.GetProperty("actorKind").GetString());
        Assert.False(string.IsNullOrEmpty(audited.GetProperty("actorName").GetString()));
        var summary = audited.GetProperty("summary").GetString()!;
        Assert.DoesNotContain(unionId, summary);
        Assert.DoesNotContain(second, summary);
        Assert.Contains(merged.Id.ToString(), summary);

        Assert.Equal(survivor.Id, (await _brand.ProfileOf(first))!.Id);
        Assert.Equal(merged.Id, (await _brand.ProfileOf(second))!.Id);
        var identities = await _brand.Read(db => db.Identities.AsNoTracking().Where(i => i.ProfileId == survivor.Id || i.ProfileId == merged.Id).ToListAsync());
        Assert.Equal([(survivor.Id, IdentityType.WeComExternalUserId), (survivor.Id, IdentityType.UnionId)],
            identities.Where(i => i.ProfileId == survivor.Id).Select(i => (i.ProfileId, i.Type)).OrderBy(t => t.Type));
        Assert.Equal(second, Assert.Single(identities, i => i.ProfileId == merged.Id).Key);
        var relationships = await _brand.Read(db => db.Relationships.AsNoTracking().ToListAsync());
        Assert.All(relationships, r => Assert.Equal(r.ExternalUserId == first ? survivor.Id : merged.Id, r.ProfileId));
        var restored = (await _brand.ProfileOf(second))!;
        Assert.Equal((merged.OwnerStoreId, (Guid?)null), (restored.OwnerStoreId, restored.MergedIntoId));
        var timeline = await Get(_brand.Admin, $"/api/customers/profiles/{merged.Id}/timeline");
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), t => t.GetProperty("kind").GetString() == "WeComAdded");
        Assert.NotNull(Assert.Single((await Get(dealer, $"/api/customers/profiles/{survivor.Id}/merges")).EnumerateArray()).GetProperty("undoneAt").GetString());

        // The same announcement again is the evidence the operator rejected: it does not merge them back.
        await Redeliver(second, "guide.li");
        Assert.Equal(merged.Id, (await _brand.ProfileOf(second))!.Id);
        Assert.Equal(1, await _brand.Read(db => db.Merges.CountAsync()));
    }

    [Fact]
    public async Task A_dealer_sees_and_undoes_only_the_merges_of_its_own_customers()
    {
        var (first, second, unionId) = await OnePersonTwoContacts("guide.wang", "guide.wang");
        var survivor = (await _brand.ProfileOf(first))!;
        await SameContactAdds(second, "guide.li", unionId);
        await BrandWithWeCom.Eventually(async () => (await _brand.ProfileOf(second))?.Id == survivor.Id, "the merge");
        Assert.Null(survivor.OwnerDealerId);

        var merge = Assert.Single((await Get(_brand.Admin, $"/api/customers/profiles/{survivor.Id}/merges")).EnumerateArray());
        var dealer = await _brand.SignedIn("dealer");
        Assert.Equal(HttpStatusCode.NotFound, await Status(dealer.GetAsync($"/api/customers/profiles/{survivor.Id}/merges")));
        Assert.Equal(HttpStatusCode.NotFound,
            await Status(dealer.PostAsync($"/api/customers/profiles/{survivor.Id}/merges/{merge.GetProperty("id").GetGuid()}/undo", null)));
        Assert.Equal(HttpStatusCode.Forbidden,
            await Status((await _brand.SignedIn("wang")).PostAsync($"/api/customers/profiles/{survivor.Id}/merges/{merge.GetProperty("id").GetGuid()}/undo", null)));
        Assert.Null(Assert.Single((await Get(_brand.Admin, $"/api/customers/profiles/{survivor.Id}/merges")).EnumerateArray()).GetProperty("undoneAt").GetString());
    }

    [Fact]
    public async Task A_unionid_head_office_marked_shared_links_nobody()
    {
        var (first, second, unionId) = await OnePersonTwoContacts("guide.li", "guide.wang");
        var mark = new { type = "UnionId", value = unionId, kind = "Shared" };
        Assert.Equal(HttpStatusCode.Forbidden, await Status((await _brand.SignedIn("dealer")).PostAsJsonAsync("/api/customers/identifier-marks", mark)));
        Assert.Equal(HttpStatusCode.Created, await Status(_brand.Admin.PostAsJsonAsync("/api/customers/identifier-marks", mark)));
        Assert.Equal(HttpStatusCode.Conflict, await Status(_brand.Admin.PostAsJsonAsync("/api/customers/identifier-marks", mark)));

        await SameContactAdds(second, "guide.li", unionId);
        await BrandWithWeCom.Eventually(() => _brand.Read(db => db.Relationships.AnyAsync(r => r.ExternalUserId == second && r.StaffUserId == "guide.li")),
            "the second relationship");
        Assert.NotEqual((await _brand.ProfileOf(first))!.Id, (await _brand.ProfileOf(second))!.Id);
        Assert.Equal(0, await _brand.Read(db => db.Merges.CountAsync()));
    }

    [Fact]
    public async Task Head_office_sets_a_types_rule_with_its_version_and_a_dealer_may_not()
    {
        var rule = new { maxPerProfile = 2, priority = 7, mayMerge = false };
        Assert.Equal(HttpStatusCode.Forbidden, await Status((await _brand.SignedIn("dealer")).PutAsJsonAsync("/api/customers/identity-rules/DeviceId", rule)));
        Assert.Equal(HttpStatusCode.PreconditionRequired, await Status(_brand.Admin.PutAsJsonAsync("/api/customers/identity-rules/DeviceId", rule)));
        using var invalid = new HttpRequestMessage(HttpMethod.Put, "/api/customers/identity-rules/DeviceId") { Content = JsonContent.Create(new { maxPerProfile = 0, priority = 7, mayMerge = true }) };
        invalid.Headers.IfMatch.ParseAdd("\"0\"");
        Assert.Equal(HttpStatusCode.BadRequest, await Status(_brand.Admin.SendAsync(invalid)));
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/customers/identity-rules/DeviceId") { Content = JsonContent.Create(rule) };
        put.Headers.IfMatch.ParseAdd("\"0\"");
        Assert.Equal(HttpStatusCode.OK, await Status(_brand.Admin.SendAsync(put)));

        var device = (await Get(_brand.Admin, "/api/customers/identity-rules")).EnumerateArray().Single(r => r.GetProperty("type").GetString() == "DeviceId");
        Assert.Equal((2, 7, false, true), (device.GetProperty("maxPerProfile").GetInt32(), device.GetProperty("priority").GetInt32(),
            device.GetProperty("mayMerge").GetBoolean(), device.GetProperty("customised").GetBoolean()));
        Assert.Equal(1, device.GetProperty("version").GetInt32());

        // An edit based on the defaults (version 0) is stale once the brand has its own rule.
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/customers/identity-rules/DeviceId") { Content = JsonContent.Create(rule) };
        stale.Headers.IfMatch.ParseAdd("\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, await Status(_brand.Admin.SendAsync(stale)));
    }

    /// <summary>
    /// A customer adds <paramref name="firstGuide"/> with a unionid; later the same WeChat user, under another
    /// external_userid that WeCom reports without a unionid (the corp had not bound its open platform yet), adds
    /// <paramref name="secondGuide"/>.
    /// </summary>
    private async Task<(string First, string Second, string UnionId)> OnePersonTwoContacts(string firstGuide, string secondGuide)
    {
        var first = await _brand.CustomerAdds(firstGuide);
        string unionId;
        lock (_brand.Simulator.State.Sync) unionId = _brand.Simulator.State.Corp(BrandWithWeCom.CorpId).Customers[first].Unionid!;
        _brand.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await ContactAdds(null, secondGuide, null);
        await BrandWithWeCom.Eventually(async () => await _brand.ProfileOf(second) is not null, "the second contact's profile");
        _brand.Time.Advance(TimeSpan.FromMinutes(5));
        return (first, second, unionId);
    }

    /// <summary>WeCom now reports the contact's unionid, and the contact adds another guide.</summary>
    private Task SameContactAdds(string externalUserId, string guide, string unionId) => ContactAdds(externalUserId, guide, unionId);

    private async Task<string> ContactAdds(string? externalUserId, string guide, string? unionId)
    {
        var state = _brand.Simulator.State;
        string xml;
        WeCom.Simulator.State.SimCallbackConfig callback;
        lock (state.Sync)
        {
            var corp = state.Corp(BrandWithWeCom.CorpId);
            var customer = externalUserId is null ? corp.AddCustomer("赵敏") : corp.Customers[externalUserId];
            customer.Unionid = unionId;
            corp.Relate(guide, customer.ExternalUserid, state.Now, addWay: 2);
            externalUserId = customer.ExternalUserid;
            callback = corp.Callback!;
            xml = $"<xml><ToUserName><![CDATA[{BrandWithWeCom.CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
                + $"<CreateTime>{state.Now}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
                + $"<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[{guide}]]></UserID>"
                + $"<ExternalUserID><![CDATA[{externalUserId}]]></ExternalUserID></xml>";
        }
        Assert.True((await _brand.Simulator.Pusher.Push(BrandWithWeCom.CorpId, callback, xml)).Delivered);
        return externalUserId;
    }

    /// <summary>The WeCom module's announcement of an add delivered again, as at-least-once delivery may.</summary>
    private async Task Redeliver(string externalUserId, string guide)
    {
        var added = await _brand.Read(db => db.Relationships.AsNoTracking().SingleAsync(r => r.ExternalUserId == externalUserId && r.StaffUserId == guide));
        await _brand.App.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(_brand.TenantId, "integration");
            await sp.GetRequiredService<WeComAddIntake>().Handle(
                new CustomerAddedStaff(_brand.TenantId, externalUserId, guide, added.State, 2, added.AddedAt, false), CancellationToken.None);
            return 0;
        });
    }

    private static async Task<HttpStatusCode> Status(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.StatusCode;
    }

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed class ProfileMergesSqlite() : ProfileMergesTests("sqlite");

public sealed class ProfileMergesPostgres() : ProfileMergesTests("postgres");
