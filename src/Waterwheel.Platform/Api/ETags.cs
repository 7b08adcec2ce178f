
namespace Waterwheel.Platform.Api;

/// <summary>Optimistic concurrency on editable resources: the ETag is the row version.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>True when the client sent no If-Match or one that names the current version.</summary>
    public static bool Allows(string? ifMatch, int currentVersion) =>
        string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*" || ifMatch.Trim() == For(currentVersion);

    public static void Write(HttpResponse response, int version) => response.Headers.ETag = For(version);
}
