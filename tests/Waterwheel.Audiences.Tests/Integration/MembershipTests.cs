using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Audiences.Contracts;
using Waterwheel.Platform.Messaging;
using Waterwheel.Testing;
using Waterwheel.Audiences.Data;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>
/// Saved segments announce who enters and leaves them, and rule tags follow their condition: as tags change, and as the
/// days pass for a condition over "the last N days".
/// </summary>
public abstract class MembershipTests(string provider) : IAsyncLifetime
{
    private AudienceBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AudienceBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task A_saved_segment_announces_each_customer_who_enters_and_leaves_but_not_those_in_it_when_it_was_saved()
    {
        var admin = _brand.Admin;
        var vip = await admin.Tag("高价值");
        var before = await _brand.CustomerAdds("guide.wang");
        var later = await _brand.CustomerAdds("guide.wang");
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{before}/tags", new { tagId = vip }).Ok();
        await admin.CountBecomes(AudienceApi.HasTag(vip), 1, "the first customer tagged");
        var segment = (await admin.PostAsJsonAsync("/api/audiences/segments", new { name = "高价值客户", expression = AudienceApi.HasTag(vip) })
            .Ok(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await AudienceBrand.Eventually(async () => await Watched(segment), "the segment's members to be worked out");

        await admin.PostAsJsonAsync($"/api/audiences/profiles/{later}/tags", new { tagId = vip }).Ok();
        await AudienceBrand.Eventually(async () => (await Announced(segment)).Count == 1, "the customer tagged after the segment was saved to enter it");
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{before}/tags/removal", new { tagId = vip }).Ok();
        await AudienceBrand.Eventually(async () => (await Announced(segment)).Count == 2, "the untagged customer to leave");

        var events = await Announced(segment);
        Assert.Equal([(later, true), (before, false)], events.Select(e => (e.ProfileId, e.Entered)).ToList());
    }

    [Fact]
    public async Task A_rule_tag_is_given_to_whoever_matches_taken_when_they_no_longer_do_and_a_hand_given_one_stays()
    {
        var admin = _brand.Admin;
        var vip = await admin.Tag("会员");
        var churned = await admin.Tag("已流失");
        var first = await _brand.CustomerAdds("guide.wang");
        var second = await _brand.CustomerAdds("guide.wang");
        var third = await _brand.CustomerAdds("guide.wang");
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{first}/tags", new { tagId = vip }).Ok();

        var groupId = (await admin.GetFromJsonAsync<JsonElement>("/api/audiences/tag-groups")).EnumerateArray().First().GetProperty("id").GetGuid();
        var rule = new { op = "and", args = new object[] { AudienceApi.HasTag(vip), new { op = "not", arg = AudienceApi.HasTag(churned) } } };
        var active = (await admin.PostAsJsonAsync("/api/audiences/tags", new { groupId, name = "活跃会员", rule = new { expression = rule } })
            .Ok(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await admin.CountBecomes(AudienceApi.HasTag(active), 1, "the rule tag on the one member");
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{third}/tags", new { tagId = active }).Ok();

        await admin.PostAsJsonAsync($"/api/audiences/profiles/{second}/tags", new { tagId = vip }).Ok();
        await admin.CountBecomes(AudienceApi.HasTag(active), 3, "the rule tag on the new member too, beside the one given by hand");
        var held = await admin.GetFromJsonAsync<JsonElement>($"/api/audiences/profiles/{second}/tags");
        Assert.Contains(held.EnumerateArray(), t => t.GetProperty("tagId").GetGuid() == active && t.GetProperty("cause").GetString() == "Rule");

        await admin.PostAsJsonAsync($"/api/audiences/profiles/{first}/tags", new { tagId = churned }).Ok();
        await admin.CountBecomes(AudienceApi.HasTag(active), 2, "the churned member to lose the rule tag; the hand-given one stays");
        Assert.Equal(1, await admin.Count(new { op = "and", args = new object[] { AudienceApi.HasTag(active), AudienceApi.HasTag(vip) } }));
    }

    [Fact]
    public async Task A_rule_over_the_last_days_lets_go_of_customers_as_the_days_pass()
    {
        var admin = _brand.Admin;
        await _brand.CustomerAdds("guide.wang");
        var groupId = (await admin.PostAsJsonAsync("/api/audiences/tag-groups", new { name = "新客" }).Ok(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var fresh = (await admin.PostAsJsonAsync("/api/audiences/tags",
            new { groupId, name = "近3天新客", rule = new { text = "first_seen_on within 3 days" } }).Ok(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await admin.CountBecomes(AudienceApi.HasTag(fresh), 1, "the new customer");

        _brand.Time.Advance(TimeSpan.FromDays(5));
        // Five days on, the sign-in has lapsed too.
        var later = await _brand.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        await later.CountBecomes(AudienceApi.HasTag(fresh), 0, "the customer seen five days ago to lose the tag");
    }

    [Fact]
    public async Task A_rule_naming_a_rule_tag_is_refused()
    {
        var admin = _brand.Admin;
        var vip = await admin.Tag("VIP");
        var groupId = (await admin.GetFromJsonAsync<JsonElement>("/api/audiences/tag-groups")).EnumerateArray().First().GetProperty("id").GetGuid();
        var ruled = (await admin.PostAsJsonAsync("/api/audiences/tags", new { groupId, name = "规则一", rule = new { expression = AudienceApi.HasTag(vip) } })
            .Ok(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var refused = await admin.PostAsJsonAsync("/api/audiences/tags", new { groupId, name = "规则二", rule = new { expression = AudienceApi.HasTag(ruled) } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("规则一", await refused.Content.ReadAsStringAsync());
    }

    private async Task<bool> Watched(Guid id)
    {
        await using var scope = _brand.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AudiencesDbContext>();
        return await db.WatchStates.IgnoreQueryFilters().AnyAsync(w => w.Id == id);
    }

    private async Task<List<SegmentMembershipChanged>> Announced(Guid segment)
    {
        await using var scope = _brand.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AudiencesDbContext>();
        var rows = await db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.EventName == SegmentMembershipChanged.EventName)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<SegmentMembershipChanged>(r, JsonSerializerOptions.Web)!).Where(e => e.SegmentId == segment).ToList();
    }
}

public sealed class MembershipSqlite() : MembershipTests("sqlite");

public sealed class MembershipPostgres() : MembershipTests("postgres");
