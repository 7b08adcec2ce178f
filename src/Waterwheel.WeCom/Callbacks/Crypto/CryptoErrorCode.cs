namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>
/// The official WXBizMsgCrypt error codes (page 91144). Kept numerically identical so that logs and support
/// tickets can be matched against WeCom's own documentation.
/// </summary>
public enum CryptoErrorCode
{
    ValidateSignature = -40001,
    ParseXml = -40002,
    IllegalAesKey = -40004,
    ValidateReceiveId = -40005,
    EncryptAes = -40006,
    DecryptAes = -40007,
    DecodeBase64 = -40010,
}
