using System.Security.Cryptography;

namespace Waterwheel.WeCom.Callbacks.Crypto;

/// <summary>
/// WXBizMsgCrypt semantics for one callback configuration (token, EncodingAESKey, receiveid). Every failure is a
/// value carrying the official code; nothing here throws for bad input from the wire.
/// </summary>
public sealed class CallbackCrypto
{
    private readonly string _token;
    private readonly string _receiveId;
    private readonly CallbackCipher _cipher;
    private readonly Func<byte[]> _random16;

    private CallbackCrypto(string token, string receiveId, byte[] key, Func<byte[]>? random16)
    {
        _token = token;
        _receiveId = receiveId;
        _cipher = new CallbackCipher(key);
        _random16 = random16 ?? (() => RandomNumberGenerator.GetBytes(CallbackCipher.RandomLength));
    }

    /// <param name="random16">Source of the 16-byte prefix; tests pass a fixed one to reproduce official ciphertexts.</param>
    public static CryptoResult<CallbackCrypto> Create(string token, string encodingAesKey, string receiveId, Func<byte[]>? random16 = null)
    {
        var key = EncodingAesKey.ToKey(encodingAesKey);
        if (!key.IsSuccess) return key.Error!.Value;
        return new CallbackCrypto(token, receiveId, key.Value!, random16);
    }

    /// <summary>The GET URL check: verify the signature over echostr and return its plaintext, to be echoed bare.</summary>
    public CryptoResult<string> VerifyUrl(string? msgSignature, string? timestamp, string? nonce, string? echostr)
    {
        if (string.IsNullOrEmpty(echostr)) return CryptoErrorCode.DecodeBase64;
        return Open(msgSignature, timestamp ?? "", nonce ?? "", echostr);
    }

    /// <summary>A POST event: parse the envelope, verify the signature over its Encrypt and return the inner XML.</summary>
    public CryptoResult<string> DecryptMessage(string? msgSignature, string? timestamp, string? nonce, string? body)
    {
        var envelope = CallbackEnvelope.Parse(body);
        if (!envelope.IsSuccess) return envelope.Error!.Value;
        return Open(msgSignature, timestamp ?? "", nonce ?? "", envelope.Value!.Encrypt);
    }

    public string Encrypt(string message) => _cipher.Encrypt(_random16(), message, _receiveId);

    public string Sign(string timestamp, string nonce, string encrypt) => MsgSignature.Compute(_token, timestamp, nonce, encrypt);

    /// <summary>What WeCom itself POSTs: an envelope addressed to the corp, signed for the given timestamp and nonce.</summary>
    public SealedCallback Seal(string message, string timestamp, string nonce, string agentId = "")
    {
        var encrypt = Encrypt(message);
        var body = new CallbackEnvelope(_receiveId, agentId, encrypt).ToXml();
        return new SealedCallback(Sign(timestamp, nonce, encrypt), timestamp, nonce, body);
    }

    /// <summary>An encrypted passive reply, in case a handler ever needs to answer in the response body.</summary>
    public string EncryptReply(string message, string timestamp, string nonce)
    {
        var encrypt = Encrypt(message);
        var signature = Sign(timestamp, nonce, encrypt);
        return $"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt><MsgSignature><![CDATA[{signature}]]></MsgSignature>" +
               $"<TimeStamp>{CallbackEnvelope.Escape(timestamp)}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>";
    }

    internal CryptoResult<DecryptedPayload> DecryptRaw(string encrypt) => _cipher.Decrypt(encrypt);

    private CryptoResult<string> Open(string? msgSignature, string timestamp, string nonce, string encrypt)
    {
        if (!MsgSignature.Matches(msgSignature, _token, timestamp, nonce, encrypt)) return CryptoErrorCode.ValidateSignature;
        var payload = _cipher.Decrypt(encrypt);
        if (!payload.IsSuccess) return payload.Error!.Value;
        // Ordinal and not fixed-time: the receiveid is the public corp id, not a secret.
        if (!string.Equals(payload.Value!.ReceiveId, _receiveId, StringComparison.Ordinal)) return CryptoErrorCode.ValidateReceiveId;
        return payload.Value.Message;
    }
}
