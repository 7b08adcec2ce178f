using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Access;

/// <summary><c>Waterwheel:SignIn</c>: how many sign-in attempts one client address may make per window.</summary>
internal sealed class SignInLimitOptions
{
    public const string Section = "Waterwheel:SignIn";

    /// <summary>
    /// Below the lockout threshold (5 failures, 15 minutes, see PlatformModule): one address cannot lock somebody else's
    /// account within a lockout window, and needs over a quarter of an hour to lock it at all. The price: people behind
    /// one address (an office NAT) share the budget; raise it for them, and name the proxy (Waterwheel:Proxy) so that the
    /// address is the client's, not nginx's.
    /// </summary>
    public int PermitLimit { get; set; } = 4;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Password guessing and lockout abuse are paced per client address, for the API's and the console's sign-in alike,
/// with ASP.NET Core's rate limiter; over the limit answers 429 with Retry-After before any password is checked.
/// </summary>
internal static class SignInLimit
{
    // A sliding window in 15 segments: at most PermitLimit attempts in any window, not twice that around a boundary.
    private const int Segments = 15;
    private const int DemoPermitLimit = 60;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SignInLimitOptions.Section).Get<SignInLimitOptions>() ?? new SignInLimitOptions();
        // The demo is tried from one machine by one person signing in as each of its six roles in turn: pace only
        // obvious guessing there, unless a limit is set on purpose.
        if (configuration.GetValue<bool>($"{Demo.DemoOptions.Section}:Enabled") && configuration[$"{SignInLimitOptions.Section}:PermitLimit"] is null)
            options.PermitLimit = DemoPermitLimit;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
                ? RateLimitPartition.GetSlidingWindowLimiter(ClientOf(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    SegmentsPerWindow = Segments,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : options.Window / Segments;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many sign-in attempts from this address; wait and try again.",
                    extensions: new Dictionary<string, object?> { ["code"] = "too_many_sign_ins" }).ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/session", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase));

    /// <summary>The client's address; for IPv6 its /64, since one machine usually holds a whole /64 to pick from.</summary>
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
