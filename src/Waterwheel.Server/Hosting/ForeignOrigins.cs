using Waterwheel.Platform;

namespace Waterwheel.Server.Hosting;

/// <summary>
/// Cross-site request forgery: SameSite=Lax still lets another site's page send a body-less POST with our session
/// cookie (reveal a mobile, start a sync). A browser names the page's origin in <c>Origin</c> on every unsafe request, so
/// one that is neither ours (the request's own scheme and host, after the proxy headers) nor listed in
/// <c>Waterwheel:AllowedOrigins</c> is refused before any endpoint runs; this also stops forged sign-ins. Requests
/// without Origin (scripts, curl) pass; API-key requests carry no ambient credential, WeCom's callbacks come
/// server-to-server, and the tracking API (/v1) is meant to be called from the brand's sites with a write key in the
/// request itself, so none of these is checked.
/// </summary>
internal static class ForeignOrigins
{
    public const string Section = "Waterwheel:AllowedOrigins";

    public static IApplicationBuilder UseForeignOriginRefusal(this WebApplication app)
    {
        var allowed = (app.Configuration.GetSection(Section).Value?.Split(',') ?? app.Configuration.GetSection(Section).GetChildren().Select(c => c.Value ?? ""))
            .Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return app.Use(async (context, next) =>
        {
            if (IsForeign(context.Request, allowed))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: "This request came from another site's page and is refused.",
                    extensions: new Dictionary<string, object?> { ["code"] = "foreign_origin" }).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    private static bool IsForeign(HttpRequest request, HashSet<string> allowed)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (!request.Headers.TryGetValue("Origin", out var header)) return false;
        if (request.Path.StartsWithSegments("/wecom/callback") || request.Path.StartsWithSegments("/v1") || PlatformModule.IsApiKeyRequest(request))
            return false;
        // "null" (a sandboxed frame, a file) and anything unparsable are foreign.
        var origin = Normalize(header.ToString());
        return origin is null || (origin != Normalize($"{request.Scheme}://{request.Host.Value}") && !allowed.Contains(origin));
    }

    /// <summary>scheme://host:port in lower case, with the default port spelled out, so that equal origins compare equal.</summary>
    private static string? Normalize(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant()
            : null;
}
