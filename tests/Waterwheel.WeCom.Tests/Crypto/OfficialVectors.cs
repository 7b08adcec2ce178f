using System.Text;
using Waterwheel.WeCom.Callbacks.Crypto;

namespace Waterwheel.WeCom.Tests.Crypto;

/// <summary>The official WXBizMsgCrypt sample data (spec §2), copied verbatim.</summary>
internal static class OfficialVectors
{
    public const string Token = "QDG6eK";
    public const string ReceiveId = "wx5823bf96d3bd56c7";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string AesKeyHex = "8d69989bbaabe67328014c194631ad0719b3dca035b64023df292447aab60760";

    public const string GetTimestamp = "1409659589";
    public const string GetNonce = "263014780";
    public const string GetSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const string EchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public const string EchoRandom = "c41b64491c2468d0";
    public const string EchoPlain = "1616140317555161061";

    public const string PostTimestamp = "1409659813";
    public const string PostNonce = "1372623149";
    public const string PostSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    public const string PostEncrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    public const string PostRandom = "0960688932c47ef1";
    public const string PostPlain =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

    public static string PostBody =>
        $"<xml><ToUserName><![CDATA[{ReceiveId}]]></ToUserName><AgentID><![CDATA[218]]></AgentID><Encrypt><![CDATA[{PostEncrypt}]]></Encrypt></xml>";

    public static CallbackCrypto Crypto(string? random = null, string receiveId = ReceiveId)
    {
        var created = CallbackCrypto.Create(Token, EncodingAesKey, receiveId,
            random is null ? null : () => Encoding.ASCII.GetBytes(random));
        Assert.True(created.IsSuccess);
        return created.Value!;
    }
}
