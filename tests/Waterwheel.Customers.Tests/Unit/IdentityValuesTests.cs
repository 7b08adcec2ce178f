using Waterwheel.Customers.Identity;

namespace Waterwheel.Customers.Tests.Unit;

public sealed class IdentityValuesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("anonymous")]
    [InlineData("undefined")]
    [InlineData("00000000")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("----")]
    public void Placeholders_are_not_identifiers(string value) =>
        Assert.Null(IdentityValues.Normalise(IdentityType.DeviceId, value));

    [Fact]
    public void A_value_longer_than_the_key_column_is_refused_rather_than_cut() =>
        Assert.Null(IdentityValues.Normalise(IdentityType.AnonymousId, new string('a', IdentityValues.MaxLength + 1)));

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData(" 13800138000 ", "13800138000")]
    public void Phones_have_one_form(string raw, string expected) =>
        Assert.Equal(expected, IdentityValues.Normalise(IdentityType.Phone, raw));

    [Theory]
    [InlineData("12345")]
    [InlineData("021-12345678")]
    public void What_is_not_a_mainland_mobile_is_not_a_phone_identifier(string raw) =>
        Assert.Null(IdentityValues.Normalise(IdentityType.Phone, raw));

    [Fact]
    public void Emails_compare_without_case() =>
        Assert.Equal("li.na@example.com", IdentityValues.Normalise(IdentityType.Email, " Li.Na@Example.com "));

    [Fact]
    public void Other_identifiers_keep_their_case() =>
        Assert.Equal("wmAbC123", IdentityValues.Normalise(IdentityType.WeComExternalUserId, "wmAbC123"));
}
