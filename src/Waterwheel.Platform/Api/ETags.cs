
namespace Waterwheel.Platform.Api;

/// <summary>Optimistic concurrency on editable resources: the ETag is the row version.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// An update must name the version it was based on: without If-Match a client would silently overwrite whatever
    /// changed since it read (428); a version other than the current one is stale (412). <c>*</c> is an explicit
    /// "overwrite whatever is there".
    /// </summary>
    public static Error? Check(string? ifMatch, int currentVersion)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return Error.PreconditionRequired();
        var value = ifMatch.Trim();
        return value == "*" || value == For(currentVersion) || value == "W/" + For(currentVersion) ? null : Error.StaleVersion();
    }

    public static void Write(HttpResponse response, int version) => response.Headers.ETag = For(version);
}
