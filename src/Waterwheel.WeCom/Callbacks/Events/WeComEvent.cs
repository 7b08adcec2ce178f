namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>
/// A decrypted callback event. WeCom retries a callback up to three times with an identical body and many events
/// share a CreateTime second, so <see cref="DedupeKey"/> is FromUserName + CreateTime plus what makes the event
/// itself distinct.
/// </summary>
public abstract record WeComEvent(EventHeader Header)
{
    public string DedupeKey => $"{Header.FromUserName}|{Header.CreateTime}|{Header.Event}|{Header.ChangeType}|{Specifics}";

    protected abstract string Specifics { get; }
}
