using System.Text;
using Waterwheel.WeCom.Simulator.Callbacks;
using V = Waterwheel.WeCom.Tests.Crypto.OfficialVectors;

namespace Waterwheel.WeCom.Tests.Simulator;

/// <summary>The simulator's own callback crypto against the official WXBizMsgCrypt sample data (spec §2).</summary>
public sealed class SimCryptoVectorTests
{
    private static SimCallbackCrypto Crypto(string? random = null, string receiveId = V.ReceiveId) =>
        new(V.Token, V.EncodingAesKey, receiveId, random is null ? null : () => Encoding.ASCII.GetBytes(random));

    [Fact]
    public void The_key_decodes_to_the_official_AES_key()
    {
        Assert.Equal(V.AesKeyHex, Convert.ToHexStringLower(Crypto().Key));
    }

    [Fact]
    public void Signatures_match_the_official_GET_and_POST_samples()
    {
        Assert.Equal(V.GetSignature, Crypto().Signature(V.GetTimestamp, V.GetNonce, V.EchoStr));
        Assert.Equal(V.PostSignature, Crypto().Signature(V.PostTimestamp, V.PostNonce, V.PostEncrypt));
    }

    [Fact]
    public void The_official_ciphertexts_open_to_their_messages()
    {
        Assert.Equal(V.EchoPlain, Crypto().Open(V.GetSignature, V.GetTimestamp, V.GetNonce, V.EchoStr).Message);
        Assert.Equal(V.PostPlain, Crypto().Open(V.PostSignature, V.PostTimestamp, V.PostNonce, V.PostEncrypt).Message);
    }

    [Fact]
    public void Encrypting_with_the_official_random_reproduces_both_ciphertexts_byte_for_byte()
    {
        // The POST message pads by 30: only the 32-byte PKCS#7 rule gives this ciphertext.
        Assert.Equal(V.EchoStr, Crypto(V.EchoRandom).Encrypt(V.EchoPlain));
        Assert.Equal(V.PostEncrypt, Crypto(V.PostRandom).Encrypt(V.PostPlain));
    }

    [Fact]
    public void A_sealed_callback_signs_its_own_ciphertext_and_opens_again()
    {
        var sealedCallback = Crypto().Seal("<xml>你好</xml>", "1700000000", "42", "1000002");

        Assert.Contains($"<Encrypt><![CDATA[{sealedCallback.Encrypt}]]></Encrypt>", sealedCallback.Body);
        Assert.Equal("<xml>你好</xml>", Crypto().Open(sealedCallback.MsgSignature, "1700000000", "42", sealedCallback.Encrypt).Message);
    }

    [Fact]
    public void A_wrong_signature_another_receiveid_and_a_broken_ciphertext_are_refused()
    {
        Assert.Equal("signature", Crypto().Open(new string('0', 40), V.PostTimestamp, V.PostNonce, V.PostEncrypt).Failure);
        Assert.Equal("receiveid", Crypto(receiveId: "wwsomeoneelse").Open(V.PostSignature, V.PostTimestamp, V.PostNonce, V.PostEncrypt).Failure);
        var truncated = V.PostEncrypt[..^24] + "==";
        Assert.False(Crypto().Open(Crypto().Signature(V.PostTimestamp, V.PostNonce, truncated), V.PostTimestamp, V.PostNonce, truncated).Ok);
    }
}
