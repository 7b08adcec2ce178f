using Waterwheel.WeCom.Callbacks.Crypto;
using V = Waterwheel.WeCom.Tests.Crypto.OfficialVectors;

namespace Waterwheel.WeCom.Tests.Crypto;

public sealed class RejectionTests
{
    [Fact]
    public void Bad_signature_is_40001()
    {
        var forged = "0" + V.GetSignature[1..];
        Assert.Equal(CryptoErrorCode.ValidateSignature, V.Crypto().VerifyUrl(forged, V.GetTimestamp, V.GetNonce, V.EchoStr).Error);
    }

    [Fact]
    public void Signature_over_a_different_timestamp_is_40001()
    {
        Assert.Equal(CryptoErrorCode.ValidateSignature,
            V.Crypto().DecryptMessage(V.PostSignature, "1409659814", V.PostNonce, V.PostBody).Error);
    }

    [Fact]
    public void Missing_signature_is_40001()
    {
        Assert.Equal(CryptoErrorCode.ValidateSignature, V.Crypto().VerifyUrl(null, V.GetTimestamp, V.GetNonce, V.EchoStr).Error);
    }

    [Fact]
    public void Wrong_receive_id_is_40005()
    {
        var crypto = V.Crypto(receiveId: "wwsomeothercorp");
        Assert.Equal(CryptoErrorCode.ValidateReceiveId, crypto.VerifyUrl(V.GetSignature, V.GetTimestamp, V.GetNonce, V.EchoStr).Error);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=")]
    public void Garbled_base64_is_40010(string echostr)
    {
        var signature = MsgSignature.Compute(V.Token, V.GetTimestamp, V.GetNonce, echostr);
        Assert.Equal(CryptoErrorCode.DecodeBase64, V.Crypto().VerifyUrl(signature, V.GetTimestamp, V.GetNonce, echostr).Error);
    }

    [Fact]
    public void Truncated_ciphertext_is_40007()
    {
        // Drop the last AES block: valid base64, but the padding no longer decrypts to a sane value.
        var bytes = Convert.FromBase64String(V.PostEncrypt);
        var truncated = Convert.ToBase64String(bytes.AsSpan(0, bytes.Length - 16));
        var signature = MsgSignature.Compute(V.Token, V.PostTimestamp, V.PostNonce, truncated);
        Assert.Equal(CryptoErrorCode.DecryptAes, V.Crypto().VerifyUrl(signature, V.PostTimestamp, V.PostNonce, truncated).Error);
    }

    [Fact]
    public void Ciphertext_not_a_multiple_of_the_block_is_40007()
    {
        var odd = Convert.ToBase64String(Convert.FromBase64String(V.EchoStr).AsSpan(0, 40));
        var signature = MsgSignature.Compute(V.Token, V.GetTimestamp, V.GetNonce, odd);
        Assert.Equal(CryptoErrorCode.DecryptAes, V.Crypto().VerifyUrl(signature, V.GetTimestamp, V.GetNonce, odd).Error);
    }

    [Fact]
    public void Ciphertext_under_another_key_is_40007()
    {
        var other = CallbackCrypto.Create(V.Token, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", V.ReceiveId).Value!;
        Assert.Equal(CryptoErrorCode.DecryptAes, other.VerifyUrl(V.GetSignature, V.GetTimestamp, V.GetNonce, V.EchoStr).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tooshort")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2!")]
    public void Bad_encoding_aes_key_is_40004(string key)
    {
        Assert.Equal(CryptoErrorCode.IllegalAesKey, CallbackCrypto.Create(V.Token, key, V.ReceiveId).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>")]
    [InlineData("<xml><Encrypt>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>")]
    public void Unparseable_or_hostile_envelope_is_40002(string body)
    {
        Assert.Equal(CryptoErrorCode.ParseXml, V.Crypto().DecryptMessage(V.PostSignature, V.PostTimestamp, V.PostNonce, body).Error);
    }
}
