using System.Text.RegularExpressions;
using MiniExcelLibs;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Exports are read by people: their language's headers and words, names not ids, the tenant's time to the second, Excel beside CSV.</summary>
public abstract partial class ExportContentTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Fact]
    public async Task A_store_export_reads_in_Chinese_with_unit_names_statuses_in_words_and_China_time()
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "华东大区");
        var code = Arrange.NewCode("EXP");
        await Arrange.Store(fixture.AdminA, region, "西湖银泰店", code);

        var lines = (await fixture.AdminA.GetStringAsync($"/api/platform/stores/export?q={code}")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("编码,名称,所属组织,省份,城市,区县,地址,电话,营业时间,状态", lines[0]);
        var row = lines.Single(l => l.StartsWith(code));
        Assert.Contains("华东大区", row);
        Assert.Contains("营业中", row);
        Assert.DoesNotContain(region.ToString(), row);
        var created = DateTime.ParseExact(SecondsInChina().Match(row).Value.Trim(','), "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var chinaNow = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8);
        Assert.InRange(created, chinaNow.AddMinutes(-5), chinaNow.AddMinutes(1));
        Assert.DoesNotMatch(@"\.\d{7}", row);
    }

    [Fact]
    public async Task The_English_console_exports_English_and_every_list_exports_to_Excel()
    {
        var english = await fixture.AdminA.GetStringAsync("/api/platform/stores/export?culture=en");
        Assert.StartsWith("Code,Name,Belongs to,", english.TrimStart('\uFEFF'));

        foreach (var (list, header) in new[] { ("stores", "编码"), ("staff", "姓名"), ("audit", "时间") })
        {
            using var response = await fixture.AdminA.GetAsync($"/api/platform/{list}/export?format=xlsx");
            response.EnsureSuccessStatusCode();
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(header, rows[0]["A"]);
        }
    }

    [Fact]
    public async Task An_export_in_a_format_that_is_not_offered_is_refused()
    {
        using var response = await fixture.AdminA.GetAsync("/api/platform/staff/export?format=pdf");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex(@",\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},")]
    private static partial Regex SecondsInChina();
}

public sealed class ExportContentSqlite(AppFixture<Sqlite> fixture) : ExportContentTests<Sqlite>(fixture);

public sealed class ExportContentPostgres(AppFixture<Postgres> fixture) : ExportContentTests<Postgres>(fixture);
