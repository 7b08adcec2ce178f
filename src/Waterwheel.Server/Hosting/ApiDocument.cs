using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Waterwheel.Platform;

namespace Waterwheel.Server.Hosting;

/// <summary>
/// What <c>/openapi/v1.json</c> says that no single endpoint states: how a caller authenticates, and the 4xx answers
/// the pipeline gives whatever the use case. Read from each endpoint's metadata, so a new endpoint is described the
/// moment it is mapped; the answers only its use case knows (409, a lost race's 412) the endpoint declares itself.
/// </summary>
internal static class ApiDocument
{
    public const string CookieScheme = "sessionCookie";
    public const string ApiKeyScheme = "apiKey";

    public static void Describe(OpenApiOptions options) => options
        .AddDocumentTransformer(DescribeDocument)
        .AddOperationTransformer(DescribeOperation);

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Waterwheel API";
        document.Info.Description = "私域增长 SCRM and customer data platform. Authenticate with the console session cookie or an API key in the X-Api-Key header.";
        // The name the Platform gave the Identity cookie, not a copy of it.
        var cookie = context.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        document.AddComponent<IOpenApiSecurityScheme>(CookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = cookie,
            Description = "The console's session, set by POST /api/session.",
        });
        document.AddComponent<IOpenApiSecurityScheme>(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = PlatformModule.ApiKeyHeader,
            Description = "An API key (ww_…), created under /api/platform/api-keys.",
        });
        return Task.CompletedTask;
    }

    /// <summary>What each 4xx means here, in words a client can act on.</summary>
    private static readonly Dictionary<int, string> Meanings = new()
    {
        [400] = "A field is invalid (every invalid field is listed at once), or the body or a query value is malformed.",
        [401] = "No session, or the API key is unknown, revoked or its owner has left.",
        [403] = "Refused; the problem's code says why (a permission the caller lacks, a failed or locked sign-in, a request from another site's page).",
        [404] = "Not found, or outside the caller's tenant or data scope.",
        [409] = "Conflicts with another record or with the resource's state; the problem's code says which.",
        [412] = "Another edit changed the resource first, or since the ETag sent in If-Match was read.",
        [415] = "The body is not JSON.",
        [428] = "If-Match is missing: send the ETag that was read.",
        [429] = "Too many attempts from this address; Retry-After says when to try again.",
    };

    private static async Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var parameters = context.Description.ParameterDescriptions;
        var statuses = new List<int>();
        // AllowAnonymous wins over any RequireAuthorization, here as in the authorization middleware.
        if (!metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [Requirement(CookieScheme, context.Document), Requirement(ApiKeyScheme, context.Document)];
            statuses.AddRange([401, 403]);
        }
        // ThrowOnBadRequest (ApiConventions): a body or query value that does not bind is a 400, besides the use case's own checks.
        if (parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Query)) statuses.Add(400);
        if (parameters.Any(p => p.Source == BindingSource.Body)) statuses.Add(415);
        // Every route value here is a resource's id, constrained to its type: one that does not match or is not there is not found.
        if (parameters.Any(p => p.Source == BindingSource.Path)) statuses.Add(404);
        // If-Match is read only by edits of a versioned resource (ETags.Check).
        if (parameters.Any(p => p.Source == BindingSource.Header && p.Name.Equals("If-Match", StringComparison.OrdinalIgnoreCase)))
            statuses.AddRange([412, 428]);

        var responses = operation.Responses ?? [];
        foreach (var status in statuses)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            // What an endpoint declares itself (a validation problem's schema) stays.
            if (!responses.ContainsKey(key))
                responses[key] = await Problem(context, status == 400 ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), ct);
        }
        // Also the answers an endpoint declared: ProducesProblem words them only with the reason phrase ("Conflict").
        foreach (var (key, response) in responses)
            if (int.TryParse(key, CultureInfo.InvariantCulture, out var status) && Meanings.TryGetValue(status, out var meaning))
                response.Description = meaning;
        operation.Responses = [];
        foreach (var (key, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal)) operation.Responses[key] = response;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static async Task<OpenApiResponse> Problem(OpenApiOperationTransformerContext context, Type schema, CancellationToken ct)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(schema.Name) != true)
            document.AddComponent<IOpenApiSchema>(schema.Name, await context.GetOrCreateSchemaAsync(schema, null, ct));
        return new OpenApiResponse
        {
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema.Name, document) },
            },
        };
    }
}
