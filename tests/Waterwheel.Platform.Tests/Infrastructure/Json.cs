using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>Small HTTP helpers that fail with the response body in the message.</summary>
public static class Json
{
    public static async Task<JsonElement> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        return await response.Expect(status);
    }

    public static async Task<JsonElement> Expect(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> GetOk(this HttpClient client, string url) => client.GetAsync(url).Expect(HttpStatusCode.OK);

    public static Task<JsonElement> PostCreated(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body).Expect(HttpStatusCode.Created);

    public static Task<JsonElement> PostOk(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body).Expect(HttpStatusCode.OK);

    /// <summary>Asserts an RFC 9457 problem with the given status and <c>code</c>; returns the problem.</summary>
    public static async Task<JsonElement> ExpectProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.Expect(status);
        Assert.True(problem.TryGetProperty("code", out var actual), $"The problem has no code: {problem}");
        Assert.Equal(code, actual.GetString());
        return problem;
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    public static IReadOnlyList<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static int Total(this JsonElement page) => page.GetProperty("total").GetInt32();

    public static IReadOnlyList<Guid> Ids(this JsonElement page) =>
        (page.ValueKind == JsonValueKind.Array ? page.EnumerateArray() : page.GetProperty("items").EnumerateArray()).Select(e => e.Id()).ToList();
}
