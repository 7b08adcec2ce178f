using System.Security.Cryptography;
using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class FieldEncryptorTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("")]
    [InlineData("张三丰 👩‍🍳 café")]
    public void Decrypt_returns_what_was_encrypted(string clear)
    {
        var encryptor = new FieldEncryptor(TestKeys.OnlyK1);
        var stored = encryptor.Encrypt(clear);

        Assert.StartsWith("v1:k1:", stored);
        if (clear.Length > 0) Assert.DoesNotContain(clear, stored);
        Assert.Equal(clear, encryptor.Decrypt(stored));
    }

    [Fact]
    public void The_same_value_encrypts_differently_each_time()
    {
        var encryptor = new FieldEncryptor(TestKeys.OnlyK1);
        Assert.NotEqual(encryptor.Encrypt("13812345678"), encryptor.Encrypt("13812345678"));
    }

    [Fact]
    public void A_tampered_ciphertext_is_detected()
    {
        var encryptor = new FieldEncryptor(TestKeys.OnlyK1);
        var parts = encryptor.Encrypt("13812345678").Split(':');
        var blob = Convert.FromBase64String(parts[2]);
        blob[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => encryptor.Decrypt($"v1:k1:{Convert.ToBase64String(blob)}"));
    }

    [Fact]
    public void Relabelling_a_value_with_another_key_id_is_detected()
    {
        var both = TestKeys.Ring("k1", ("k1", TestKeys.K1), ("k2", TestKeys.K1));
        var stored = new FieldEncryptor(both).Encrypt("13812345678");

        Assert.ThrowsAny<CryptographicException>(() => new FieldEncryptor(both).Decrypt(stored.Replace("v1:k1:", "v1:k2:")));
    }

    [Fact]
    public void Values_written_before_a_key_rotation_still_decrypt()
    {
        var before = new FieldEncryptor(TestKeys.OnlyK1).Encrypt("13812345678");
        var rotated = new FieldEncryptor(TestKeys.Ring("k2", ("k1", TestKeys.K1), ("k2", TestKeys.K2)));

        Assert.Equal("13812345678", rotated.Decrypt(before));
        Assert.StartsWith("v1:k2:", rotated.Encrypt("13812345678"));
    }

    [Fact]
    public void An_unknown_key_id_is_a_clear_error()
    {
        var stored = new FieldEncryptor(TestKeys.OnlyK1).Encrypt("13812345678");
        var withoutK1 = new FieldEncryptor(TestKeys.Ring("k2", ("k2", TestKeys.K2)));

        var error = Assert.ThrowsAny<CryptographicException>(() => withoutK1.Decrypt(stored));
        Assert.Contains("'k1'", error.Message);
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("v2:k1:AAAA")]
    [InlineData("v1:k1:AAAA")]
    public void Values_that_are_not_encrypted_fields_are_refused(string stored) =>
        Assert.ThrowsAny<CryptographicException>(() => new FieldEncryptor(TestKeys.OnlyK1).Decrypt(stored));
}
