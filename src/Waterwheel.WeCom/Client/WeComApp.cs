namespace Waterwheel.WeCom.Client;

/// <summary>
/// The credentials of one WeCom app (a self-built app added to 客户联系 → 可调用接口的应用). Tokens belong to the
/// pair, so every call names the app it is made as; one process serves many corps.
/// </summary>
public sealed record WeComApp(string CorpId, string Secret)
{
    // Never print the secret: records put every property into ToString by default.
    public override string ToString() => $"WeComApp {{ CorpId = {CorpId} }}";
}
