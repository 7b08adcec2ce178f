using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>The brand's time zone: China by default, an IANA id only, set by head office's admin, audited, and used by what people read.</summary>
public abstract partial class TenantTimeZoneTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Fact]
    public async Task A_brand_reads_in_China_time_until_head_office_chooses_another_zone_and_the_change_is_audited()
    {
        Assert.Equal("Asia/Shanghai", (await fixture.AdminA.GetOk("/api/platform/tenant/time-zone")).Text("timeZone"));
        var before = await Arrange.AuditCount(fixture.AdminA, "tenant.time_zone_changed");

        foreach (var wrong in new[] { "Mars/Olympus", "", "China Standard Time", "UTC+8" })
        {
            using var refused = await Put(wrong, await CurrentETag());
            await refused.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        }

        try
        {
            var read = await CurrentETag();
            using var blind = await Put("Europe/London", ifMatch: null);
            await blind.ExpectProblem(HttpStatusCode.PreconditionRequired, "if_match_required");
            using var saved = await Put("Europe/London", read);
            saved.EnsureSuccessStatusCode();
            Assert.NotEqual(read, saved.Headers.ETag?.Tag);
            // A second admin who read the zone before that save would overwrite it unseen: refused.
            using var stale = await Put("Asia/Tokyo", read);
            await stale.ExpectProblem(HttpStatusCode.PreconditionFailed, "stale_version");
            Assert.Equal("Europe/London", (await fixture.AdminA.GetOk("/api/platform/tenant/time-zone")).Text("timeZone"));
            Assert.Equal(before + 1, await Arrange.AuditCount(fixture.AdminA, "tenant.time_zone_changed"));
            var audit = await fixture.AdminA.GetStringAsync("/api/platform/audit?action=tenant.time_zone_changed");
            Assert.Contains("Asia/Shanghai → Europe/London", audit);

            // London is UTC in winter (today is 2026-11-30), so the audit export's times are UTC's, 8 hours behind China's.
            var export = await fixture.AdminA.GetStringAsync("/api/platform/audit/export?action=tenant.time_zone_changed");
            var at = DateTime.ParseExact(Seconds().Match(export).Value, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            var utcNow = TimeProvider.System.GetUtcNow().UtcDateTime;
            Assert.InRange(at, utcNow.AddMinutes(-5), utcNow.AddMinutes(1));
        }
        finally
        {
            (await Put("Asia/Shanghai", "*")).Dispose();
        }
    }

    private async Task<string?> CurrentETag()
    {
        using var response = await fixture.AdminA.GetAsync("/api/platform/tenant/time-zone");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.Tag;
    }

    private Task<HttpResponseMessage> Put(string zone, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/platform/tenant/time-zone") { Content = JsonContent.Create(new { timeZone = zone }) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return fixture.AdminA.SendAsync(request);
    }

    [Fact]
    public async Task Only_those_who_manage_settings_change_the_zone()
    {
        var world = await fixture.World();
        var analyst = await fixture.App.SignedIn(world.A.Accounts!.Analyst, Arrange.StaffPassword);
        using var response = await analyst.PutAsJsonAsync("/api/platform/tenant/time-zone", new { timeZone = "Europe/London" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")]
    private static partial Regex Seconds();
}

public sealed class TenantTimeZoneSqlite(AppFixture<Sqlite> fixture) : TenantTimeZoneTests<Sqlite>(fixture);

public sealed class TenantTimeZonePostgres(AppFixture<Postgres> fixture) : TenantTimeZoneTests<Postgres>(fixture);
