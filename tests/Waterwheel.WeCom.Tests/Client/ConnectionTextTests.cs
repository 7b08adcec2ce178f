using System.Globalization;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Tests.Client;

/// <summary>"Test connection" answers in the operator's language and names the WeCom setting to fix.</summary>
public sealed class ConnectionTextTests
{
    [Fact]
    public void An_untrusted_IP_is_explained_in_Chinese_and_an_unknown_code_keeps_WeComs_words()
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            Assert.Contains("企业可信IP", ConnectionText.Explain(new WeComError(WeComErrorKind.Permission, 60020, "not allow to access from your ip", "untrusted", "gettoken")));
            Assert.StartsWith("连接成功", ConnectionText.Get("Connected"));
            Assert.Equal("企业微信拒绝了请求（错误码 12345）：odd", ConnectionText.Explain(new WeComError(WeComErrorKind.Data, 12345, "odd", "odd", "gettoken")));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
