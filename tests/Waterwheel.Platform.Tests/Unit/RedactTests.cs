using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class RedactTests
{
    [Theory]
    [InlineData("filter {\"q\":\"13812341234\"}", "filter {\"q\":\"138****1234\"}")]
    [InlineData("+86 138 1234 1234 called", "138****1234 called")]
    [InlineData("138-1234-1234", "138****1234")]
    [InlineData("order 123812341234567 and id 0138123412345", "order 123812341234567 and id 0138123412345")]
    [InlineData("12 rows", "12 rows")]
    public void Mobile_numbers_in_free_text_are_masked(string text, string expected) => Assert.Equal(expected, Redact.Phones(text));
}
