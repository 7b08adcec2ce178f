using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Routing;

/// <summary><c>Waterwheel:Acquisition:Landing</c>: how many landing requests one client address may make per minute.</summary>
internal sealed class LandingLimitOptions
{
    public const string Section = "Waterwheel:Acquisition:Landing";

    /// <summary>
    /// A customer's visit is three or four requests. Mobile carriers put many phones behind one address, so the
    /// limit is generous: it stops a script, not a crowd in front of a poster.
    /// </summary>
    public int PermitLimit { get; set; } = 120;
}

/// <summary>
/// The public landing page of nearest-store codes (no sign-in) under <c>/h5/lbs/{token}</c>: the page, its script,
/// the cities for the picker, the route, and the count of a refused location. Every request is rate-limited per
/// client address; past the limit the answer is 429 with Retry-After and a message the page shows.
/// </summary>
internal static class LandingEndpoints
{
    public const string Policy = "acquisition-landing";

    public static void AddLandingLimit(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LandingLimitOptions.Section).Get<LandingLimitOptions>() ?? new LandingLimitOptions();
        services.AddRateLimiter(o => o.AddPolicy(Policy, new LandingLimitPolicy(options.PermitLimit)));
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var h5 = app.MapGroup("/h5/lbs").AllowAnonymous().RequireRateLimiting(Policy).WithTags("Landing").ExcludeFromDescription();
        h5.MapGet("/landing.js", () => Results.Text(LandingPage.Script, "text/javascript; charset=utf-8"));
        h5.MapGet("/{token}", async (string token, AcquisitionDbContext db, ActorContext actor, TimeProvider time, LandingCounter counter, CancellationToken ct) =>
        {
            if (await Landing.Open(db, actor, token, time, ct) is not { } code) return Results.Content(LandingPage.Gone(), "text/html; charset=utf-8", statusCode: 404);
            await counter.Add(code.TenantId, code.Id, LandingEvent.View, ct);
            return Results.Content(LandingPage.Html(token), "text/html; charset=utf-8");
        });
        h5.MapGet("/{token}/cities", async (string token, AcquisitionDbContext db, ActorContext actor, TimeProvider time, IOrganisationDirectory directory, StoreMaps maps, CancellationToken ct) =>
        {
            if (await Landing.Open(db, actor, token, time, ct) is not { } code) return Landing.Gone().ToProblem();
            var map = await maps.For(code.TenantId, directory, ct);
            return Results.Ok(map.Cities().Select(c => new { province = c.Province, city = c.City }));
        });
        h5.MapPost("/{token}/route", async (string token, RouteRequest request, RouteCustomer handler, CancellationToken ct) =>
            (await handler.Handle(token, request, ct)).ToOk());
        h5.MapPost("/{token}/denied", async (string token, AcquisitionDbContext db, ActorContext actor, TimeProvider time, LandingCounter counter, CancellationToken ct) =>
        {
            if (await Landing.Open(db, actor, token, time, ct) is not { } code) return Landing.Gone().ToProblem();
            await counter.Add(code.TenantId, code.Id, LandingEvent.Denial, ct);
            return Results.NoContent();
        });
    }

    /// <summary>A sliding window per client address, with its own 429 that says what happened in the customer's words.</summary>
    private sealed class LandingLimitPolicy(int permitLimit) : IRateLimiterPolicy<string>
    {
        private const int Segments = 6;
        private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, _) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window / Segments;
            rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            // The limiter answers before the request's language is chosen: the customer's phone says it, zh-CN unless English.
            var english = rejected.HttpContext.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
                .FirstOrDefault()?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(english ? "en" : "zh-CN");
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: AcquisitionText.Get("LandingTooMany"),
                extensions: new Dictionary<string, object?> { ["code"] = "too_many_requests" }).ExecuteAsync(rejected.HttpContext);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetSlidingWindowLimiter(ClientOf(httpContext), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permitLimit, Window = Window, SegmentsPerWindow = Segments, QueueLimit = 0,
            });

        /// <summary>The client's address (after the proxy headers); for IPv6 its /64, which one phone may pick from.</summary>
        private static string ClientOf(HttpContext context)
        {
            var address = context.Connection.RemoteIpAddress;
            if (address is null) return "unknown";
            if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
            if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
    }
}
