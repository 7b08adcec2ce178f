using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class MaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("+86 138 1234 5678", "138****5678")]
    [InlineData("12345", "***45")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    public void Phone_keeps_only_prefix_and_last_four(string phone, string masked) => Assert.Equal(masked, Mask.Phone(phone));

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("Anna", "A***")]
    [InlineData("王", "*")]
    [InlineData("  李四 ", "李*")]
    [InlineData("", "")]
    public void Name_keeps_only_the_first_character(string name, string masked) => Assert.Equal(masked, Mask.Name(name));
}
