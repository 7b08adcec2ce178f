
namespace Waterwheel.Platform.Tenancy;

/// <summary>Where an actor acts from, for the audit log.</summary>
public sealed record ActorOrigin(string? Ip, string? UserAgent)
{
    public static ActorOrigin? From(HttpContext? context) => context is null
        ? null
        : new ActorOrigin(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
}
