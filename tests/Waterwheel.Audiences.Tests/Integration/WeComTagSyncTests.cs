using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>
/// Corp tags made and changed in WeCom (the simulator's admin console and guide app) arrive here through the WeCom
/// layer's events: the tags appear, a guide's tag moves the count, and renames and deletes follow.
/// </summary>
public abstract class WeComTagSyncTests(string provider) : IAsyncLifetime
{
    private AudienceBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AudienceBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task A_guides_tag_in_WeCom_shows_up_in_the_count_and_leaves_it_when_taken_off()
    {
        var (profile, contact) = await _brand.ContactAdds("guide.wang");
        var (other, _) = await _brand.ContactAdds("guide.wang");
        var groupId = (await _brand.Simulator.Crowd.AdminAddsTagGroup(AudienceBrand.CorpId, "兴趣", ["瑜伽", "跑步"])).ExternalUserid;
        var yoga = WeComTagId(groupId, "瑜伽");
        var yogaHere = await TagAppears("瑜伽");
        Assert.Equal("WeCom", yogaHere.GetProperty("source").GetString());
        Assert.Equal(yoga, yogaHere.GetProperty("weComTagId").GetString());

        await _brand.Simulator.Crowd.StaffEditsTags(AudienceBrand.CorpId, "guide.wang", contact, [yoga], []);
        var yogaId = yogaHere.GetProperty("id").GetGuid();
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(yogaId), 1, "the customer the guide tagged in WeCom");
        var held = await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/audiences/profiles/{profile}/tags");
        Assert.Equal("WeCom", held.EnumerateArray().Single().GetProperty("cause").GetString());
        Assert.Equal(0, (await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/audiences/profiles/{other}/tags")).GetArrayLength());

        // A second edit_external_contact in the same second is the same callback body, which WeCom's retries also send.
        _brand.Time.Advance(TimeSpan.FromSeconds(2));
        await _brand.Simulator.Crowd.StaffEditsTags(AudienceBrand.CorpId, "guide.wang", contact, [], [yoga]);
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(yogaId), 0, "the tag the guide took off in WeCom");
    }

    [Fact]
    public async Task A_tag_given_here_stays_when_the_guide_changes_other_tags_in_WeCom()
    {
        var (profile, contact) = await _brand.ContactAdds("guide.wang");
        var groupId = (await _brand.Simulator.Crowd.AdminAddsTagGroup(AudienceBrand.CorpId, "肤质", ["干性", "油性"])).ExternalUserid;
        var dry = (await TagAppears("干性")).GetProperty("id").GetGuid();
        var oily = (await TagAppears("油性")).GetProperty("id").GetGuid();
        await _brand.Admin.PostAsJsonAsync($"/api/audiences/profiles/{profile}/tags", new { tagId = oily }).Ok();

        await _brand.Simulator.Crowd.StaffEditsTags(AudienceBrand.CorpId, "guide.wang", contact, [WeComTagId(groupId, "干性")], []);
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(dry), 1, "the guide's tag");
        Assert.Equal(1, await _brand.Admin.Count(AudienceApi.HasTag(oily)));
    }

    [Fact]
    public async Task Renames_and_deletes_in_WeCom_follow_here_and_a_deleted_tag_leaves_its_customers()
    {
        var (profile, contact) = await _brand.ContactAdds("guide.wang");
        var groupId = (await _brand.Simulator.Crowd.AdminAddsTagGroup(AudienceBrand.CorpId, "会员", ["银卡"])).ExternalUserid;
        var silver = WeComTagId(groupId, "银卡");
        var silverId = (await TagAppears("银卡")).GetProperty("id").GetGuid();
        await _brand.Simulator.Crowd.StaffEditsTags(AudienceBrand.CorpId, "guide.wang", contact, [silver], []);
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(silverId), 1, "the guide's tag");

        await _brand.Simulator.Crowd.AdminRenamesTag(AudienceBrand.CorpId, silver, "银卡会员");
        Assert.Equal(silverId, (await TagAppears("银卡会员")).GetProperty("id").GetGuid());

        await _brand.Simulator.Crowd.AdminDeletesTag(AudienceBrand.CorpId, silver);
        await AudienceBrand.Eventually(async () => (await Tags("银卡会员")).GetArrayLength() == 0, () => "the tag deleted in WeCom to go",
            between: () => _brand.Time.Advance(TimeSpan.FromMilliseconds(500)));
        // Gone from its customer too: a segment naming it is refused now, and the customer holds no tag.
        Assert.Equal(0, (await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/audiences/profiles/{profile}/tags")).GetArrayLength());
    }

    [Fact]
    public async Task A_synced_group_made_here_appears_in_WeCom_and_a_tag_given_here_is_put_on_the_customer_there()
    {
        var (profile, contact) = await _brand.ContactAdds("guide.wang");
        var admin = _brand.Admin;
        var group = await admin.PostAsJsonAsync("/api/audiences/tag-groups", new { name = "购买意向", syncToWeCom = true }).Ok(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetGuid();
        var tooLong = await admin.PostAsJsonAsync("/api/audiences/tags", new { groupId, name = new string('长', 31) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var hot = (await admin.PostAsJsonAsync("/api/audiences/tags", new { groupId, name = "高意向" }).Ok(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var weComTag = "";
        await AudienceBrand.Eventually(async () =>
        {
            weComTag = (await admin.GetFromJsonAsync<JsonElement>($"/api/audiences/tags/{hot}")).GetProperty("weComTagId").GetString() ?? "";
            return weComTag.Length > 0;
        }, "the tag made here to be made in WeCom");
        lock (_brand.Simulator.State.Sync)
        {
            var made = _brand.Simulator.State.Corp(AudienceBrand.CorpId).TagGroups.Single(g => g.GroupName == "购买意向");
            Assert.Equal("高意向", made.Tags.Single(t => t.Id == weComTag).Name);
        }

        await admin.PostAsJsonAsync($"/api/audiences/profiles/{profile}/tags", new { tagId = hot }).Ok();
        await AudienceBrand.Eventually(() => Task.FromResult(FollowHolds(contact, weComTag)), "the customer to carry the tag in WeCom");
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{profile}/tags/removal", new { tagId = hot }).Ok();
        await AudienceBrand.Eventually(() => Task.FromResult(!FollowHolds(contact, weComTag)), "the tag to come off the customer in WeCom");

        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/audiences/tags/{hot}")).GetProperty("version").GetInt32();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/audiences/tags/{hot}");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        (await admin.SendAsync(delete)).EnsureSuccessStatusCode();
        await AudienceBrand.Eventually(() =>
        {
            lock (_brand.Simulator.State.Sync) return Task.FromResult(_brand.Simulator.State.Corp(AudienceBrand.CorpId).Tag(weComTag) is null);
        }, "the tag deleted here to go from WeCom");
    }

    private bool FollowHolds(string contact, string weComTag)
    {
        lock (_brand.Simulator.State.Sync)
            return _brand.Simulator.State.Corp(AudienceBrand.CorpId).Follow("guide.wang", contact)?.TagIds.Contains(weComTag) == true;
    }

    private string WeComTagId(string groupId, string name)
    {
        lock (_brand.Simulator.State.Sync)
            return _brand.Simulator.State.Corp(AudienceBrand.CorpId).TagGroups.Single(g => g.GroupId == groupId).Tags.Single(t => t.Name == name).Id;
    }

    private async Task<JsonElement> Tags(string name) =>
        (await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/audiences/tags?q={Uri.EscapeDataString(name)}")).GetProperty("items");

    /// <summary>
    /// Waits for a tag WeCom announced. The fake clock moves a little on each look: a handler that failed once (a busy
    /// SQLite file on a loaded machine) is retried when its backoff comes due, and on a clock that stood still it never
    /// would be. The server's last log lines say why, if it still does not come.
    /// </summary>
    private async Task<JsonElement> TagAppears(string name)
    {
        JsonElement found = default;
        await AudienceBrand.Eventually(async () =>
        {
            var items = await Tags(name);
            foreach (var item in items.EnumerateArray())
                if (item.GetProperty("name").GetString() == name) found = item;
            return found.ValueKind == JsonValueKind.Object;
        }, () => $"the WeCom tag {name} to appear here; the server said:\n{string.Join("\n", _brand.App.Log.Lines.TakeLast(8))}",
            between: () => _brand.Time.Advance(TimeSpan.FromMilliseconds(500)));
        return found;
    }
}

public sealed class WeComTagSyncSqlite() : WeComTagSyncTests("sqlite");

public sealed class WeComTagSyncPostgres() : WeComTagSyncTests("postgres");
