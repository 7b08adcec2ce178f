using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Waterwheel.Testing;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>
/// Two servers on one PostgreSQL, as two nodes behind a load balancer: each keeps its own index, and a change made
/// through either reaches both counts (ADR 13). How soon is printed, not asserted: a loaded test machine is no clock.
/// </summary>
public sealed class TwoNodeTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _keys = Directory.CreateTempSubdirectory("waterwheel-shared-keys-").FullName;
    private TestDatabase _database = null!;
    private WaterwheelApp _first = null!;
    private WaterwheelApp _second = null!;

    private Dictionary<string, string?> Settings() => new()
    {
        // Both nodes read the same personal data, so they share the key ring as real nodes do.
        ["Waterwheel:Pii:KeyFile"] = Path.Combine(_keys, "pii-keys.json"),
        ["Waterwheel:Outbox:PollInterval"] = "00:00:00.050",
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create("postgres");
        _first = new WaterwheelApp(_database, Settings()) { KeepDatabase = true };
        _ = _first.Server;
        _second = new WaterwheelApp(_database, Settings()) { KeepDatabase = true };
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(_keys, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Both_nodes_count_the_same_and_a_tag_reaches_the_other_nodes_count()
    {
        var one = await _first.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var two = await _second.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var source = await one.PostAsJsonAsync("/api/customers/sources", new { name = "官网" }).Ok(System.Net.HttpStatusCode.Created);
        var key = source.GetProperty("writeKey").GetString()!;
        for (var i = 1; i <= 3; i++) await Identify(i % 2 == 0 ? _first : _second, key, $"member-{i}", i == 3 ? "杭州市" : "上海市");

        await one.CountBecomes(AudienceApi.Everyone, 3, "three members on the first node");
        await two.CountBecomes(AudienceApi.Everyone, 3, "three members on the second node");
        var hangzhou = new { op = "in", field = "city", values = new[] { "杭州市" } };
        Assert.Equal((1L, 1L), (await one.Count(hangzhou), await two.Count(hangzhou)));

        var tag = await one.Tag("到店");
        var profiles = await one.GetFromJsonAsync<JsonElement>("/api/customers/profiles?pageSize=10");
        var someone = profiles.GetProperty("items")[0].GetProperty("id").GetGuid();
        var clock = Stopwatch.StartNew();
        await one.PostAsJsonAsync($"/api/audiences/profiles/{someone}/tags", new { tagId = tag }).Ok();
        await two.CountBecomes(AudienceApi.HasTag(tag), 1, "the tag on the other node");
        output.WriteLine($"The other node counted the tag after {clock.ElapsedMilliseconds} ms.");
        Assert.Equal(1, await one.Count(AudienceApi.HasTag(tag)));
    }

    private static async Task Identify(WaterwheelApp app, string key, string userId, string city)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        var json = JsonSerializer.Serialize(new { userId, messageId = userId, traits = new { name = "顾客" + userId, city } });
        using var response = await client.PostAsync("/v1/identify", new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}
