using System.Globalization;
using Waterwheel.Platform.Api;

namespace Waterwheel.Platform.Tests.Unit;

/// <summary>The platform's own messages follow the operator's language: an edit conflict says what happened and what to do.</summary>
public sealed class ValidationTextTests
{
    [Theory]
    [InlineData("zh-CN", "已有人修改")]
    [InlineData("en", "Someone changed this")]
    public void An_edit_conflict_is_explained_in_the_operators_language(string culture, string expected)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Contains(expected, Error.StaleVersion().Message);
            Assert.Equal("stale_version", Error.StaleVersion().Code);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
