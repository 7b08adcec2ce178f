using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Data;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Staff;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class StaffMobilePiiTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    private async Task<(Guid Id, string Mobile)> NewGuide()
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "PII region");
        var store = (await Arrange.Store(fixture.AdminA, region, "PII store")).Id();
        var mobile = Arrange.NewMobile();
        var spaced = $"{mobile[..3]} {mobile[3..7]} {mobile[7..]}";
        return ((await Arrange.Staff(fixture.AdminA, "PII guide", "Guide", storeId: store, mobile: spaced)).Id(), mobile);
    }

    /// <summary>Every cell of every row of the staff table, as the database holds it.</summary>
    private Task<List<string>> RawStaffCells() => fixture.App.InScope(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        var entity = db.Model.FindEntityType(typeof(StaffMember))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var cells = new List<string>();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++) cells.Add(Convert.ToString(reader.GetValue(i)) ?? "");
        return cells;
    });

    [Fact]
    public async Task A_guide_is_found_by_the_last_four_digits_of_the_mobile_without_the_number_in_the_query()
    {
        var (id, mobile) = await NewGuide();

        var found = await fixture.AdminA.GetOk($"/api/platform/staff?q={mobile[^4..]}&pageSize=100");

        Assert.Contains(id, found.Ids());
    }

    [Fact]
    public async Task Staff_stored_before_the_last_four_lookup_get_it_at_start()
    {
        var (id, mobile) = await NewGuide();
        await fixture.App.InScope(sp => sp.GetRequiredService<PlatformDbContext>().Staff.IgnoreQueryFilters().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.MobileTailHash, (string?)null)));
        Assert.DoesNotContain(id, (await fixture.AdminA.GetOk($"/api/platform/staff?q={mobile[^4..]}&pageSize=100")).Ids());

        await StaffMobileTails.Fill(fixture.App.Services, CancellationToken.None);

        Assert.Contains(id, (await fixture.AdminA.GetOk($"/api/platform/staff?q={mobile[^4..]}&pageSize=100")).Ids());
    }

    [Fact]
    public async Task The_mobile_number_is_stored_encrypted_never_in_clear()
    {
        var (id, mobile) = await NewGuide();

        var cells = await RawStaffCells();
        Assert.Contains(cells, c => c.Equals(id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(cells, c => c.Contains(mobile, StringComparison.Ordinal));
        var (cipher, decrypted) = await fixture.App.InScope(async sp =>
        {
            var row = await sp.GetRequiredService<PlatformDbContext>().Staff.IgnoreQueryFilters().SingleAsync(s => s.Id == id);
            return (row.MobileCipher, sp.GetRequiredService<FieldEncryptor>().Decrypt(row.MobileCipher));
        });
        Assert.StartsWith("v1:", cipher);
        Assert.Equal(mobile, decrypted);
    }

    [Fact]
    public async Task Lists_and_reads_show_the_mobile_number_masked()
    {
        var (id, mobile) = await NewGuide();
        var masked = $"{mobile[..3]}****{mobile[^4..]}";

        Assert.Equal(masked, (await fixture.AdminA.GetOk($"/api/platform/staff/{id}")).Text("mobileMasked"));
        var list = await fixture.AdminA.GetStringAsync("/api/platform/staff?pageSize=200");
        Assert.Contains(masked, list);
        Assert.DoesNotContain(mobile, list);
        Assert.DoesNotContain(mobile, await fixture.AdminA.GetStringAsync("/api/platform/staff/export"));
    }

    [Fact]
    public async Task Staff_are_found_by_their_full_mobile_number_in_any_format()
    {
        var (id, mobile) = await NewGuide();

        foreach (var form in new[] { mobile, $"+86 {mobile[..3]} {mobile[3..7]} {mobile[7..]}", $"{mobile[..3]}-{mobile[3..7]}-{mobile[7..]}" })
        {
            var page = await fixture.AdminA.GetOk($"/api/platform/staff?q={Uri.EscapeDataString(form)}");
            Assert.Equal(id, Assert.Single(page.Ids()));
        }
    }

    [Fact]
    public async Task Revealing_needs_pii_reveal_and_is_audited()
    {
        var (id, mobile) = await NewGuide();
        var hq = await Arrange.HeadOffice(fixture.AdminA);
        var analyst = await Arrange.Staff(fixture.AdminA, "PII analyst", "Analyst", orgUnitId: hq);
        var analystUser = await Arrange.Account(fixture.AdminA, analyst.Id(), Arrange.NewCode("pii-analyst"));
        var analystClient = await fixture.App.SignedIn(analystUser, Arrange.StaffPassword);

        using var refused = await analystClient.PostAsync($"/api/platform/staff/{id}/reveal-mobile", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(mobile, await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await Arrange.AuditCount(fixture.AdminA, "pii.revealed", id.ToString()));

        var revealed = await fixture.AdminA.PostOk($"/api/platform/staff/{id}/reveal-mobile");
        Assert.Equal(mobile, revealed.Text("value"));
        var audit = await fixture.AdminA.GetOk($"/api/platform/audit?action=pii.revealed&q={id}");
        var line = Assert.Single(audit.Items());
        Assert.Equal(Waterwheel.Testing.WaterwheelApp.AdminUser, line.Text("actorName"));
        Assert.Equal("staff", line.Text("targetType"));
    }
}

/// <summary>
/// A whole session around one mobile number (add, search, export, reveal, a sign-in typed with it) leaves the number in
/// clear in no table of the database and no line of the server log.
/// </summary>
public abstract class StaffMobileTraceTests<TProvider> where TProvider : IProvider
{
    [Fact]
    public async Task After_search_export_and_reveal_no_table_and_no_log_line_holds_the_mobile_in_clear()
    {
        var log = new CapturedLog();
        await using var app = new WaterwheelApp(await Waterwheel.Testing.TestDatabase.Create(TProvider.Name), services: log.Register);
        var admin = await app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var region = await Arrange.OrgUnit(admin, await Arrange.HeadOffice(admin), "Region", "Trace region");
        var store = (await Arrange.Store(admin, region, "Trace store")).Id();
        var mobile = Arrange.NewMobile();
        var spaced = $"{mobile[..3]} {mobile[3..7]} {mobile[7..]}";
        var id = (await Arrange.Staff(admin, "Trace guide", "Guide", storeId: store, mobile: spaced)).Id();

        Assert.Equal(id, Assert.Single((await admin.GetOk($"/api/platform/staff?q={mobile}")).Ids()));
        await admin.GetOk($"/api/platform/staff?q={Uri.EscapeDataString("+86 " + spaced)}");
        var export = await admin.GetStringAsync($"/api/platform/staff/export?q={mobile}");
        // The search by mobile found the guide: the export names them and shows the mobile masked.
        Assert.Contains("Trace guide", export);
        Assert.Contains($"{mobile[..3]}****{mobile[^4..]}", export);
        Assert.Equal(mobile, (await admin.PostOk($"/api/platform/staff/{id}/reveal-mobile")).Text("value"));
        await Arrange.SignInStatus(app.Anonymous(), mobile, "a-guess");
        await admin.GetOk($"/api/platform/audit?q={mobile}");
        var auditExport = await admin.GetStringAsync("/api/platform/audit/export");

        Assert.DoesNotContain(mobile, export);
        Assert.DoesNotContain(mobile, auditExport);
        // The export's audit line says a search was used and keeps none of it, not even masked.
        Assert.Matches("按关键词搜索|a keyword search", auditExport);
        var hits = await DatabaseText.Containing(app, mobile, spaced);
        Assert.True(hits.Count == 0, "The mobile number is in clear in: " + string.Join("; ", hits.Select(h => $"{h.Table}.{h.Column} = {h.Value}")));
        Assert.True(log.Count > 0, "Nothing was logged: the log capture does not work.");
        Assert.DoesNotContain(mobile, log.Text);
        Assert.DoesNotContain(spaced, log.Text);
    }
}

public sealed class StaffMobileTraceSqlite : StaffMobileTraceTests<Sqlite>;

public sealed class StaffMobileTracePostgres : StaffMobileTraceTests<Postgres>;

public sealed class StaffMobilePiiSqlite(AppFixture<Sqlite> fixture) : StaffMobilePiiTests<Sqlite>(fixture);

public sealed class StaffMobilePiiPostgres(AppFixture<Postgres> fixture) : StaffMobilePiiTests<Postgres>(fixture);
