using System.Text;
using Waterwheel.WeCom.Callbacks.Crypto;
using V = Waterwheel.WeCom.Tests.Crypto.OfficialVectors;

namespace Waterwheel.WeCom.Tests.Crypto;

public sealed class OfficialVectorTests
{
    [Fact]
    public void Encoding_aes_key_decodes_to_the_published_key()
    {
        var key = EncodingAesKey.ToKey(V.EncodingAesKey);
        Assert.Equal(V.AesKeyHex, Convert.ToHexStringLower(key.Value!));
    }

    [Fact]
    public void Get_url_check_verifies_and_decrypts_echostr()
    {
        var result = V.Crypto().VerifyUrl(V.GetSignature, V.GetTimestamp, V.GetNonce, V.EchoStr);
        Assert.Null(result.Error);
        Assert.Equal(V.EchoPlain, result.Value);
    }

    [Fact]
    public void Get_signature_is_reproduced()
    {
        Assert.Equal(V.GetSignature, MsgSignature.Compute(V.Token, V.GetTimestamp, V.GetNonce, V.EchoStr));
    }

    [Fact]
    public void Post_envelope_verifies_and_decrypts_to_the_exact_xml()
    {
        var result = V.Crypto().DecryptMessage(V.PostSignature, V.PostTimestamp, V.PostNonce, V.PostBody);
        Assert.Null(result.Error);
        Assert.Equal(V.PostPlain, result.Value);
        Assert.Equal(284, Encoding.UTF8.GetByteCount(result.Value!));
    }

    [Fact]
    public void Post_plaintext_carries_a_pad_of_30_which_only_the_32_byte_rule_allows()
    {
        // 16 random + 4 length + 284 msg + 18 receiveid = 322 bytes; padded to 352 leaves a pad of 30.
        var key = EncodingAesKey.ToKey(V.EncodingAesKey).Value!;
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(V.PostEncrypt), key.AsSpan(0, 16), System.Security.Cryptography.PaddingMode.None);
        Assert.Equal(30, plain[^1]);
        Assert.Equal(plain.Length - 30, Pkcs7Block32.UnpaddedLength(plain));
    }

    [Fact]
    public void Decrypted_payloads_expose_the_published_random_prefixes()
    {
        var crypto = V.Crypto();
        Assert.Equal(V.EchoRandom, Encoding.ASCII.GetString(crypto.DecryptRaw(V.EchoStr).Value!.Random));
        var post = crypto.DecryptRaw(V.PostEncrypt).Value!;
        Assert.Equal(V.PostRandom, Encoding.ASCII.GetString(post.Random));
        Assert.Equal(V.ReceiveId, post.ReceiveId);
    }

    [Fact]
    public void Re_encrypting_the_echostr_is_byte_exact()
    {
        Assert.Equal(V.EchoStr, V.Crypto(V.EchoRandom).Encrypt(V.EchoPlain));
    }

    [Fact]
    public void Re_encrypting_the_post_message_is_byte_exact_and_signs_like_wecom()
    {
        var sealedCallback = V.Crypto(V.PostRandom).Seal(V.PostPlain, V.PostTimestamp, V.PostNonce, "218");
        Assert.Equal(V.PostSignature, sealedCallback.MsgSignature);
        Assert.Equal(V.PostBody, sealedCallback.Body);
    }

    [Fact]
    public void Passive_reply_round_trips_through_the_receiver()
    {
        var crypto = V.Crypto();
        var reply = crypto.EncryptReply("<xml>hi</xml>", "1700000000", "42");
        var root = System.Xml.Linq.XElement.Parse(reply);
        var result = crypto.VerifyUrl(root.Element("MsgSignature")!.Value, "1700000000", "42", root.Element("Encrypt")!.Value);
        Assert.Equal("<xml>hi</xml>", result.Value);
    }
}
