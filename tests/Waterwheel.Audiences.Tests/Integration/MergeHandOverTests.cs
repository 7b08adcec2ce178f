using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>
/// When the identity graph merges two profiles, the one that retires hands its tags and their history to the survivor:
/// the counts see one customer holding both tags, and nobody is counted twice.
/// </summary>
public abstract class MergeHandOverTests(string provider) : IAsyncLifetime
{
    private AudienceBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AudienceBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task A_merged_profiles_tags_and_history_move_to_the_survivor_and_it_is_counted_once()
    {
        var admin = _brand.Admin;
        var source = await admin.PostAsJsonAsync("/api/customers/sources", new { name = "小程序" }).Ok(System.Net.HttpStatusCode.Created);
        var key = source.GetProperty("writeKey").GetString()!;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var before = await admin.Count(AudienceApi.Everyone);

        await Send(key, "identify", new { anonymousId = $"visit-{suffix}", messageId = $"a-{suffix}", traits = new { name = $"并档甲{suffix}" } });
        await Send(key, "identify", new { userId = $"member-{suffix}", messageId = $"b-{suffix}", traits = new { name = $"并档乙{suffix}" } });
        await admin.CountBecomes(AudienceApi.Everyone, before + 2, "two new members");
        var first = await ProfileNamed($"并档甲{suffix}");
        var second = await ProfileNamed($"并档乙{suffix}");

        var coffee = await admin.Tag($"咖啡{suffix}");
        var vip = await admin.Tag($"贵宾{suffix}");
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{first}/tags", new { tagId = coffee }).Ok();
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{second}/tags", new { tagId = vip }).Ok();
        var both = new { op = "and", args = new object[] { AudienceApi.HasTag(coffee), AudienceApi.HasTag(vip) } };
        Assert.Equal(0, await admin.Count(both));

        // The anonymous visitor signs in as the member: one person, so the two profiles become one.
        await Send(key, "identify", new { userId = $"member-{suffix}", anonymousId = $"visit-{suffix}", messageId = $"c-{suffix}" });

        await admin.CountBecomes(both, 1, "one customer holding both tags");
        await admin.CountBecomes(AudienceApi.Everyone, before + 1, "the retired profile no longer counted");
        Assert.Equal((1L, 1L), (await admin.Count(AudienceApi.HasTag(coffee)), await admin.Count(AudienceApi.HasTag(vip))));

        var survivor = (await Tags(first)).Count == 2 ? first : second;
        Assert.Equal(2, (await Tags(survivor)).Count);
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/audiences/profiles/{survivor}/tag-history")).GetProperty("items");
        // Each tag given once, as it was: the hand-over adds no line of its own.
        var given = history.EnumerateArray().Where(h => h.GetProperty("given").GetBoolean()).Select(h => h.GetProperty("tagId").GetGuid()).Order().ToArray();
        Assert.Equal(new[] { coffee, vip }.Order().ToArray(), given);
    }

    private async Task<Guid> ProfileNamed(string name)
    {
        Guid? id = null;
        await AudienceBrand.Eventually(async () =>
        {
            var items = (await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles?q={Uri.EscapeDataString(name)}")).GetProperty("items");
            if (items.GetArrayLength() == 1) id = items[0].GetProperty("id").GetGuid();
            return id is not null;
        }, $"the profile named {name}");
        return id!.Value;
    }

    private async Task<List<Guid>> Tags(Guid profile)
    {
        using var response = await _brand.Admin.GetAsync($"/api/audiences/profiles/{profile}/tags");
        if (!response.IsSuccessStatusCode) return [];
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items");
        return [.. items.EnumerateArray().Select(t => t.GetProperty("tagId").GetGuid())];
    }

    private async Task Send(string key, string type, object body)
    {
        using var client = _brand.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        using var response = await client.PostAsync($"/v1/{type}", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class MergeHandOverSqlite() : MergeHandOverTests("sqlite");

public sealed class MergeHandOverPostgres() : MergeHandOverTests("postgres");
