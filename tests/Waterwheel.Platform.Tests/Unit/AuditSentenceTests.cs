using System.Globalization;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Tests.Unit;

/// <summary>Audit lines read as sentences with before → after in the reader's language; unknown shapes stay as stored.</summary>
public sealed class AuditSentenceTests
{
    [Theory]
    [InlineData("store.status_changed", "HZ002: Open → Paused", "门店 HZ002 状态：营业中 → 暂停营业")]
    [InlineData("staff.role_changed", "王*: Guide → StoreManager", "王* 角色：导购 → 店长")]
    [InlineData("org.customer_sharing_changed", "D01 禾丰商贸: not shared → shared", "D01 禾丰商贸 客户明细：不共享 → 与总部共享")]
    [InlineData("tenant.time_zone_changed", "Asia/Shanghai → Asia/Urumqi", "品牌时区：Asia/Shanghai → Asia/Urumqi")]
    [InlineData("data.exported", "12 rows (xlsx); filter {\"City\":null,\"Status\":\"Open\",\"Page\":null,\"Q\":null}", "导出 12 行（XLSX），筛选条件：Status=Open")]
    [InlineData("data.exported", "3 rows (csv); filter {\"Status\":null}", "导出 3 行（CSV），筛选条件：无")]
    [InlineData("data.exported", "5 rows (csv); filter {\"Status\":\"Active\",\"Q\":\"…\"}", "导出 5 行（CSV），筛选条件：Status=Active, 按关键词搜索")]
    [InlineData("auth.sign_in", "whatever was stored", "whatever was stored")]
    public void Reads_in_Chinese(string action, string summary, string sentence) =>
        InCulture("zh-CN", () => Assert.Equal(sentence, AuditSentence.Of(action, summary)));

    [Fact]
    public void Reads_in_English() =>
        InCulture("en", () => Assert.Equal("Store HZ002 status: Open → Paused", AuditSentence.Of("store.status_changed", "HZ002: Open → Paused")));

    private static void InCulture(string name, Action test)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
        try { test(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui); }
    }
}
