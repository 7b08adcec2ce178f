namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>
/// An event or ChangeType this code does not know yet. WeCom adds values over time; the receiver must still
/// acknowledge the callback, so this is a value and not an exception.
/// </summary>
public sealed record UnknownEvent(EventHeader Header, string RawXml) : WeComEvent(Header)
{
    protected override string Specifics => KeyHash.Of(RawXml);
}
