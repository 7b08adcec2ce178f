using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class KeyedHasherTests
{
    private readonly KeyedHasher _hasher = new(TestKeys.OnlyK1);

    [Theory]
    [InlineData("138 1234 5678")]
    [InlineData("+86 13812345678")]
    [InlineData("0086-138-1234-5678")]
    [InlineData("13812345678")]
    public void Equivalent_phone_formats_hash_the_same(string phone) =>
        Assert.Equal(_hasher.HashPhone("13812345678"), _hasher.HashPhone(phone));

    [Fact]
    public void Different_numbers_hash_differently() =>
        Assert.NotEqual(_hasher.HashPhone("13812345678"), _hasher.HashPhone("13812345679"));

    [Fact]
    public void The_hash_depends_on_the_key_and_does_not_contain_the_number()
    {
        var other = new KeyedHasher(new PiiKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = TestKeys.K1 }, TestKeys.K2));
        var hash = _hasher.HashPhone("13812345678");

        Assert.NotEqual(hash, other.HashPhone("13812345678"));
        Assert.DoesNotContain("13812345678", hash);
        Assert.Equal(64, hash.Length);
    }
}
