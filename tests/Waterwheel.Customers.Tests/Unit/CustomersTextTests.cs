using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Http;
using Waterwheel.Customers.Imports;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Tests.Unit;

/// <summary>The console is Chinese first: every message the module answers an operator with has a Chinese text.</summary>
public sealed class CustomersTextTests
{
    private static readonly ResourceManager Resources = new("Waterwheel.Customers.Resources.CustomersText", typeof(CustomersText).Assembly);

    [Fact]
    public void Every_message_has_a_Chinese_translation()
    {
        var english = Resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();
        var chinese = Resources.GetResourceSet(new CultureInfo("zh-CN"), true, false)!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        Assert.NotEmpty(english);
        Assert.All(english, key => Assert.True(chinese.TryGetValue(key, out var text) && text!.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{key} has no Chinese text"));
        Assert.Empty(chinese.Keys.Except(english));
    }

    [Theory]
    [InlineData("zh-CN", "只有总部可以导入客户")]
    [InlineData("en", "only head office runs them")]
    public void A_refused_import_is_explained_in_the_operators_language_under_the_same_code(string culture, string expected)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            // An actor of no tenant is not head office.
            var refused = new ActorContext(new HttpContextAccessor()).RequireImporter();
            Assert.Equal("head_office_only", refused?.Code);
            Assert.Contains(expected, refused!.Message);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
