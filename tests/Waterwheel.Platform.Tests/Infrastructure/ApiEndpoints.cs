using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>One operation of the OpenAPI document.</summary>
public sealed partial record ApiEndpoint(string Method, string Path, bool HasBody)
{
    public bool IsRead => Method == "GET";

    public IReadOnlyList<string> PathParameters => Parameter().Matches(Path).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The resource an <c>{id}</c> names: the path segment just before it (stores, staff, org-units, …).</summary>
    public string? Resource
    {
        get
        {
            var segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.IndexOf(segments, "{id}");
            return at > 0 ? segments[at - 1] : null;
        }
    }

    public override string ToString() => $"{Method} {Path}";

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex Parameter();
}

/// <summary>Every operation the server publishes in <c>/openapi/v1.json</c>: the list that forces tests to keep up with new endpoints.</summary>
public static class ApiEndpoints
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<IReadOnlyList<ApiEndpoint>> Load(HttpClient client)
    {
        var document = await client.GetOk("/openapi/v1.json");
        var endpoints = new List<ApiEndpoint>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
                endpoints.Add(new ApiEndpoint(operation.Name.ToUpperInvariant(), path.Name, operation.Value.TryGetProperty("requestBody", out _)));
        Assert.True(endpoints.Count > 10, $"The OpenAPI document lists only {endpoints.Count} operations.");
        return endpoints;
    }

    /// <summary>
    /// The request for an endpoint: <c>{id}</c> replaced by the id mapped to its resource, and a valid body where it takes one.
    /// Fails when the test does not know the resource or the body, so a new endpoint makes the test be extended.
    /// </summary>
    public static HttpRequestMessage Request(ApiEndpoint endpoint, IReadOnlyDictionary<string, Guid> ids, ValidBodies bodies, string query = "")
    {
        var path = endpoint.Path;
        foreach (var parameter in endpoint.PathParameters)
        {
            // A merge is named under its profile; an identifier type is a name, not another tenant's object.
            if (parameter == "mergeId" && ids.TryGetValue("merges", out var merge)) { path = path.Replace("{mergeId}", merge.ToString()); continue; }
            if (parameter == "type") { path = path.Replace("{type}", "DeviceId"); continue; }
            if (parameter != "id") Assert.Fail($"{endpoint} has the path parameter {{{parameter}}}, which this test cannot fill: extend the test.");
            if (endpoint.Resource is not { } resource || !ids.TryGetValue(resource, out var id))
                Assert.Fail($"{endpoint}: no object of resource '{endpoint.Resource}' is mapped for {{id}}: extend the test's id map.");
            else path = path.Replace("{id}", id.ToString());
        }
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path + query);
        if (endpoint.HasBody)
            request.Content = bodies.For(endpoint) switch
            {
                null => throw new Xunit.Sdk.XunitException($"{endpoint} takes a body and the test has no valid body for it: extend {nameof(ValidBodies)}."),
                // An upload is multipart; every other body is JSON.
                HttpContent content => content,
                var body => JsonContent.Create(body),
            };
        return request;
    }

    public static string Describe(this JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? "" : element.ToString();
}
