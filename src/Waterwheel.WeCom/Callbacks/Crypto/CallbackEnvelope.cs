using System.Security;

namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>The POST body WeCom sends: the corp id, the agent id and the ciphertext, each in CDATA.</summary>
public sealed record CallbackEnvelope(string ToUserName, string AgentId, string Encrypt)
{
    internal static CryptoResult<CallbackEnvelope> Parse(string? xml)
    {
        var root = SafeXml.TryParseRoot(xml);
        var encrypt = root?.Element("Encrypt")?.Value;
        if (root is null || string.IsNullOrEmpty(encrypt)) return CryptoErrorCode.ParseXml;
        return new CallbackEnvelope(root.Element("ToUserName")?.Value ?? "", root.Element("AgentID")?.Value ?? "", encrypt);
    }

    // Base64 and ids never contain "]]>", but escaping keeps the format honest for any agent id a caller passes.
    public string ToXml() =>
        $"<xml><ToUserName><![CDATA[{Cdata(ToUserName)}]]></ToUserName><AgentID><![CDATA[{Cdata(AgentId)}]]></AgentID><Encrypt><![CDATA[{Cdata(Encrypt)}]]></Encrypt></xml>";

    private static string Cdata(string s) => s.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal);

    internal static string Escape(string s) => SecurityElement.Escape(s);
}
