namespace Waterwheel.Customers.Ingest;

/// <summary>
/// A phone's clock can be hours off. When the sender says both when the event happened (timestamp) and when it sent it
/// (sentAt), the gap between them is exact even if the clock is wrong, so the event happened that long before we
/// received it — Segment's correction. Without sentAt the sender's timestamp is taken as it is; without either, the
/// receipt time. A time in the future is never believed.
/// </summary>
public static class ClockSkew
{
    public static DateTime Correct(DateTimeOffset? timestamp, DateTimeOffset? sentAt, DateTime receivedAt)
    {
        DateTime corrected;
        if (timestamp is { } t && sentAt is { } s) corrected = receivedAt - (s - t);
        else corrected = timestamp?.UtcDateTime ?? receivedAt;
        return corrected > receivedAt ? receivedAt : corrected;
    }
}
