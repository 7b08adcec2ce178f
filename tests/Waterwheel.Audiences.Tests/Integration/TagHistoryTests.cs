using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>Every tag change is on the customer's tag history with its cause.</summary>
public abstract class TagHistoryTests(string provider) : IAsyncLifetime
{
    private AudienceBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AudienceBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task Tags_given_and_taken_by_hand_and_by_WeCom_are_in_the_history_newest_first_with_their_cause()
    {
        var (profile, contact) = await _brand.ContactAdds("guide.wang");
        var vip = await _brand.Admin.Tag("贵宾");
        await _brand.Admin.PostAsJsonAsync($"/api/audiences/profiles/{profile}/tags", new { tagId = vip }).Ok();
        await _brand.Admin.PostAsJsonAsync($"/api/audiences/profiles/{profile}/tags/removal", new { tagId = vip }).Ok();
        var groupId = (await _brand.Simulator.Crowd.AdminAddsTagGroup(AudienceBrand.CorpId, "偏好", ["咖啡"])).ExternalUserid;
        string coffee;
        lock (_brand.Simulator.State.Sync)
            coffee = _brand.Simulator.State.Corp(AudienceBrand.CorpId).TagGroups.Single(g => g.GroupId == groupId).Tags.Single().Id;
        await _brand.Simulator.Crowd.StaffEditsTags(AudienceBrand.CorpId, "guide.wang", contact, [coffee], []);

        JsonElement items = default;
        await AudienceBrand.Eventually(async () =>
        {
            // The group's callback and the guide's edit race in WeCom's module; the loser is retried after a back-off on the business clock.
            _brand.Time.Advance(TimeSpan.FromMilliseconds(200));
            items = (await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/audiences/profiles/{profile}/tag-history")).GetProperty("items");
            return items.GetArrayLength() == 3;
        }, () => $"three tag changes; seen {items}; the server said:\n{string.Join("\n", _brand.App.Log.Lines.Where(l => !l.Contains("row limiting") && (l.StartsWith("[Warning]") || l.StartsWith("[Error]"))).Select(l => l.Length > 300 ? l[..300] : l).TakeLast(12))}");
        var lines = items.EnumerateArray().Select(i => (i.GetProperty("tagName").GetString(), i.GetProperty("given").GetBoolean(), i.GetProperty("cause").GetString())).ToList();
        Assert.Equal([("咖啡", true, "WeCom"), ("贵宾", false, "Manual"), ("贵宾", true, "Manual")], lines);
        Assert.Equal("guide.wang", items[0].GetProperty("by").GetString());
    }
}

public sealed class TagHistorySqlite() : TagHistoryTests("sqlite");

public sealed class TagHistoryPostgres() : TagHistoryTests("postgres");
