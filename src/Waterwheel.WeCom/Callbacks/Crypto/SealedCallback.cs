namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>An encrypted callback ready to POST: the query parameters and the XML body.</summary>
public sealed record SealedCallback(string MsgSignature, string Timestamp, string Nonce, string Body)
{
    public string QueryString =>
        $"?msg_signature={Uri.EscapeDataString(MsgSignature)}&timestamp={Uri.EscapeDataString(Timestamp)}&nonce={Uri.EscapeDataString(Nonce)}";
}
