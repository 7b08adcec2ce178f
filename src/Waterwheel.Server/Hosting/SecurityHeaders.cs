namespace Waterwheel.Server.Hosting;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer beyond our origin, no framing. Pages of the console also
/// get a content security policy that Blazor Server and MudBlazor work under (scripts and the WebSocket from our own
/// origin; MudBlazor sets inline styles). The API reference (/scalar) loads its own assets and keeps its defaults.
/// </summary>
internal static class SecurityHeaders
{
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The console's policy, except that the nearest-store landing page (/h5) shows the staff member's QR from WeCom's image host.</summary>
    public const string LandingPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                && !context.Request.Path.StartsWithSegments("/scalar"))
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/h5") ? LandingPolicy : ConsolePolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
