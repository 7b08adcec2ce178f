using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>
/// The published document is what client generators and integrators work from: every operation is named once, says
/// how to authenticate and which 4xx answers to expect. Which operations are anonymous comes from the endpoints
/// themselves, not from the document under test.
/// </summary>
public sealed partial class OpenApiDocumentTests(AppFixture<Sqlite> fixture) : IClassFixture<AppFixture<Sqlite>>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_is_named_once_secured_unless_anonymous_and_declares_its_4xx_answers()
    {
        var document = await fixture.App.Anonymous().GetOk("/openapi/v1.json");
        var schemes = DeclaredSchemes(document);
        var anonymous = AnonymousRoutes();
        var failures = new List<string>();
        var ids = new Dictionary<string, string>();
        var (operations, anonymousOperations) = (0, 0);

        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                if (op.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 } operationId)
                {
                    if (!ids.TryAdd(operationId, name)) failures.Add($"{name}: operationId '{operationId}' is also {ids[operationId]}'s.");
                }
                else failures.Add($"{name}: no operationId.");

                var security = op.TryGetProperty("security", out var s) ? s.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToHashSet() : [];
                if (anonymous.Contains(name))
                {
                    anonymousOperations++;
                    if (security.Count > 0) failures.Add($"{name} allows anonymous callers but requires {string.Join(", ", security)}.");
                }
                else
                {
                    if (!security.SetEquals(schemes)) failures.Add($"{name} is authorized but its security names [{string.Join(", ", security)}], not [{string.Join(", ", schemes)}].");
                    if (!Declares(op, "401") || !Declares(op, "403")) failures.Add($"{name} is authorized but does not declare 401 and 403.");
                }
                if (path.Name.Contains('{') && !Declares(op, "404")) failures.Add($"{name} takes an id but does not declare 404.");

                var clientErrors = op.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
                if (clientErrors.Count == 0) failures.Add($"{name} declares no 4xx answer.");
                foreach (var error in clientErrors.Where(e => !IsProblem(e.Value)))
                    failures.Add($"{name}: {error.Name} is not application/problem+json with a schema reference.");
            }

        Assert.True(operations > 30, $"The document lists only {operations} operations.");
        // Sign-in at least: without it the test's reading of the endpoints' metadata is broken, not the document.
        Assert.True(anonymousOperations > 0, "The document has no anonymous operation.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The names of the document's schemes for the session cookie and the API key header the app really reads.</summary>
    private string[] DeclaredSchemes(JsonElement document)
    {
        var declared = document.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out var schemes)
            ? schemes.EnumerateObject().ToList()
            : [];
        var cookie = fixture.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
        return [Scheme(declared, "cookie", cookie), Scheme(declared, "header", PlatformModule.ApiKeyHeader)];
    }

    private static string Scheme(List<JsonProperty> declared, string where, string name) =>
        declared.Where(s => s.Value.GetProperty("type").GetString() == "apiKey" && s.Value.GetProperty("in").GetString() == where
                && s.Value.GetProperty("name").GetString() == name)
            .Select(s => s.Name).FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"The document declares no apiKey scheme in the {where} {name}.");

    /// <summary>"METHOD /path/{id}" of every endpoint that allows anonymous callers, as the document spells its paths.</summary>
    private HashSet<string> AnonymousRoutes() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}")}"))
            .ToHashSet();

    private static bool Declares(JsonElement operation, string status) => operation.GetProperty("responses").TryGetProperty(status, out _);

    private static bool IsProblem(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
        && media.TryGetProperty("schema", out var schema) && schema.TryGetProperty("$ref", out _);

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
