using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("021-12345678", "02112345678")]
    public void Normalise_keeps_the_national_digits(string phone, string normalised) =>
        Assert.Equal(normalised, PhoneNumbers.Normalise(phone));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 199 1234 5678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    [InlineData("23812345678", false)]
    [InlineData("not a phone", false)]
    public void IsMainlandMobile_accepts_only_11_digit_mobile_numbers(string phone, bool expected) =>
        Assert.Equal(expected, PhoneNumbers.IsMainlandMobile(phone));
}
