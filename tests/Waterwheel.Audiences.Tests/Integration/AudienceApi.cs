using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>The Audiences endpoints as the tests call them.</summary>
internal static class AudienceApi
{
    /// <summary>Everyone the index knows: every customer has a lifecycle stage.</summary>
    public static readonly object Everyone = new { op = "is_set", field = "lifecycle_stage" };

    public static object HasTag(Guid tag) => new { op = "tag", tag };

    public static async Task<long> Count(this HttpClient client, object expression)
    {
        using var response = await client.PostAsJsonAsync("/api/audiences/count", new { expression });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"count: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("count").GetInt64();
    }

    /// <summary>Waits until the client's count of the expression is <paramref name="expected"/>, failing with the last count seen.</summary>
    public static async Task CountBecomes(this HttpClient client, object expression, long expected, string what)
    {
        long last = -1;
        await AudienceBrand.Eventually(async () => (last = await client.Count(expression)) == expected, () => $"{what}: {expected} (last seen {last})");
    }

    public static async Task<JsonElement> Ok(this Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<Guid> Tag(this HttpClient admin, string name, bool multiValued = true)
    {
        var group = await admin.PostAsJsonAsync("/api/audiences/tag-groups", new { name = name + "组", multiValued }).Ok(HttpStatusCode.Created);
        var tag = await admin.PostAsJsonAsync("/api/audiences/tags", new { groupId = group.GetProperty("id").GetGuid(), name }).Ok(HttpStatusCode.Created);
        return tag.GetProperty("id").GetGuid();
    }
}
