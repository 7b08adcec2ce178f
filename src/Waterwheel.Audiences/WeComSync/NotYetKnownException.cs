namespace Waterwheel.Audiences.WeComSync;

/// <summary>
/// Thrown by a handler whose message names someone another module has not taken in yet: the inbox retries it with
/// back-off, by which time the other module has caught up.
/// </summary>
internal sealed class NotYetKnownException(string message) : Exception(message);
