using System.Collections;
using System.Globalization;
using System.Resources;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Tests.Client;

/// <summary>The console is Chinese first: every message of the WeCom module's resources has a Chinese text.</summary>
public sealed class WeComTextCoverageTests
{
    [Theory]
    [InlineData("Waterwheel.WeCom.Resources.ConnectionText")]
    [InlineData("Waterwheel.WeCom.Resources.ContactWayText")]
    [InlineData("Waterwheel.WeCom.Resources.TagText")]
    public void Every_message_has_a_Chinese_translation(string baseName)
    {
        var resources = new ResourceManager(baseName, typeof(ConnectionText).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();
        var chinese = resources.GetResourceSet(new CultureInfo("zh-CN"), true, false)!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        Assert.NotEmpty(english);
        Assert.All(english, key => Assert.True(chinese.TryGetValue(key, out var text) && text!.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{key} has no Chinese text"));
    }

    [Theory]
    [InlineData("zh-CN", "已有同步正在进行")]
    [InlineData("en", "A sync is already running")]
    public void A_second_sync_is_refused_in_the_operators_language(string culture, string expected)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Contains(expected, ConnectionText.Get("SyncRunning"));
            Assert.Contains(culture == "en" ? "Enter the app's Secret" : "请填写应用的 Secret", ConnectionText.Get("SecretRequired"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
