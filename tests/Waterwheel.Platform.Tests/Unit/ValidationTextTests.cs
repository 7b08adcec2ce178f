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

    [Theory]
    [InlineData("zh-CN", "找不到该客户", "找不到该Gadget", "If-Match")]
    [InlineData("en", "Customer was not found.", "Gadget was not found.", "If-Match")]
    public void A_missing_thing_is_named_in_the_operators_language(string culture, string customer, string unknown, string ifMatch)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Contains(customer, Error.NotFound("Customer").Message);
            // A name without a translation is shown as written rather than as a resource key.
            Assert.Contains(unknown, Error.NotFound("Gadget").Message);
            Assert.Equal("not_found", Error.NotFound("Customer").Code);
            Assert.Contains(ifMatch, Error.PreconditionRequired().Message);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
