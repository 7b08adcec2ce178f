using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>What anyone can put into the data (a store name, the User-Agent of a failed sign-in) opens as text in Excel.</summary>
public abstract class ExportInjectionTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    [Fact]
    public async Task Formulas_in_store_names_and_sign_in_user_agents_are_exported_as_text()
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "Export region");
        await Arrange.Store(fixture.AdminA, region, Formula);
        var stranger = fixture.App.Anonymous();
        stranger.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "@SUM(1+1)*cmd|' /C calc'!A0");
        (await stranger.PostAsJsonAsync("/api/session", new { userName = "+nobody", password = "wrong-password" })).Dispose();

        foreach (var export in new[] { "/api/platform/stores/export", "/api/platform/audit/export" })
        {
            var csv = await fixture.AdminA.GetStringAsync(export);
            var dangerous = Cells(csv).Where(c => c.Length > 0 && "=+-@\t\r".Contains(c[0])).ToList();
            Assert.True(dangerous.Count == 0, $"{export} has cells a spreadsheet would run: {string.Join(" | ", dangerous)}");
        }
        Assert.Contains("'" + Formula.Replace("\"", "\"\""), await fixture.AdminA.GetStringAsync("/api/platform/stores/export"));
    }

    /// <summary>The cells of a CSV file as a spreadsheet reads them (quotes removed).</summary>
    private static IEnumerable<string> Cells(string csv)
    {
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c is ',' or '\n') { yield return cell.ToString().TrimEnd('\r'); cell.Clear(); }
            else cell.Append(c);
        }
        yield return cell.ToString();
    }
}

public sealed class ExportInjectionSqlite(AppFixture<Sqlite> fixture) : ExportInjectionTests<Sqlite>(fixture);

public sealed class ExportInjectionPostgres(AppFixture<Postgres> fixture) : ExportInjectionTests<Postgres>(fixture);
