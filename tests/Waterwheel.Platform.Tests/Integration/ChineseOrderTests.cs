using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>
/// Lists sorted by name read in pinyin order, as a Chinese operator looks for a store or a guide, on both providers; a
/// store is found by its city too.
/// </summary>
public abstract class ChineseOrderTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Fact]
    public async Task Store_names_sort_by_pinyin_both_ways_not_by_code_point()
    {
        var unit = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", Arrange.NewCode("拼音区"));
        // By code point 下 (U+4E0B) < 城 (U+57CE) < 奥 (U+5965); by pinyin ao < cheng < xia.
        foreach (var name in new[] { "下沙店", "城西银泰店", "奥体店" }) await Arrange.Store(fixture.AdminA, unit, name);

        var ascending = await Names($"/api/platform/stores?orgUnitId={unit}&sort=name&pageSize=50");
        var descending = await Names($"/api/platform/stores?orgUnitId={unit}&sort=name&desc=true&pageSize=50");

        Assert.Equal(["奥体店", "城西银泰店", "下沙店"], ascending);
        Assert.Equal(["下沙店", "城西银泰店", "奥体店"], descending);
    }

    [Fact]
    public async Task Staff_names_sort_by_pinyin()
    {
        var unit = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", Arrange.NewCode("拼音区"));
        // By code point 张 (U+5F20) < 李 (U+674E) < 王 (U+738B); by pinyin li < wang < zhang.
        foreach (var name in new[] { "张伟", "李娜", "王芳" }) await Arrange.Staff(fixture.AdminA, name, "HqOperator", orgUnitId: unit);

        Assert.Equal(["李娜", "王芳", "张伟"], await Names($"/api/platform/staff?orgUnitId={unit}&pageSize=50"));
    }

    [Fact]
    public async Task A_store_is_found_by_its_city()
    {
        var unit = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", Arrange.NewCode("城市区"));
        await Arrange.Store(fixture.AdminA, unit, "西湖店", city: "杭州市");
        await Arrange.Store(fixture.AdminA, unit, "静安店", city: "上海市");

        Assert.Equal(["西湖店"], await Names($"/api/platform/stores?orgUnitId={unit}&q=杭州"));
    }

    private async Task<List<string>> Names(string url) =>
        (await fixture.AdminA.GetOk(url)).Items().Select(i => i.Text("name")).ToList();
}

public sealed class ChineseOrderSqlite(AppFixture<Sqlite> fixture) : ChineseOrderTests<Sqlite>(fixture);

public sealed class ChineseOrderPostgres(AppFixture<Postgres> fixture) : ChineseOrderTests<Postgres>(fixture);
