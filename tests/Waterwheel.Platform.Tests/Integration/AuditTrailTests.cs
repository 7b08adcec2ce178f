using System.Net;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class AuditTrailTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    private async Task<IReadOnlyList<System.Text.Json.JsonElement>> Lines(string action, string q) =>
        (await fixture.AdminA.GetOk($"/api/platform/audit?pageSize=200&action={action}&q={Uri.EscapeDataString(q)}")).Items();

    [Fact]
    public async Task Creating_a_store_leaves_an_audit_line()
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "Audit region");
        var id = (await Arrange.Store(fixture.AdminA, region, "Audited store")).Id();

        var line = Assert.Single(await Lines("store.created", id.ToString()));
        Assert.Equal("store", line.Text("targetType"));
        Assert.Equal(Waterwheel.Testing.WaterwheelApp.AdminUser, line.Text("actorName"));
    }

    [Fact]
    public async Task Revoking_a_key_leaves_an_audit_line()
    {
        var (id, _) = await Arrange.ApiKey(fixture.AdminA, "Audited key", "org.read");
        Assert.Empty(await Lines("apikey.revoked", id.ToString()));

        await fixture.AdminA.DeleteAsync($"/api/platform/api-keys/{id}").Expect(HttpStatusCode.OK);

        Assert.Equal("api_key", Assert.Single(await Lines("apikey.revoked", id.ToString())).Text("targetType"));
    }

    [Fact]
    public async Task Exporting_the_audit_log_leaves_an_audit_line()
    {
        var before = await Arrange.AuditCount(fixture.AdminA, "data.exported");

        using var export = await fixture.AdminA.GetAsync("/api/platform/audit/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);

        Assert.Equal(before + 1, await Arrange.AuditCount(fixture.AdminA, "data.exported"));
        var newest = (await fixture.AdminA.GetOk("/api/platform/audit?pageSize=1&action=data.exported")).Items()[0];
        Assert.Equal("audit", newest.Text("targetType"));
    }

    [Fact]
    public async Task The_audit_log_lists_only_the_callers_tenant()
    {
        var world = await fixture.World();
        var region = await Arrange.OrgUnit(world.AdminB, world.B.HeadOffice, "Region", $"{world.B.Marker} audit region");

        var linesOfB = (await world.AdminB.GetOk("/api/platform/audit?pageSize=200")).Ids();
        Assert.Contains(region.ToString(), await world.AdminB.GetStringAsync($"/api/platform/audit?pageSize=200&q={region}"));
        var pageOfA = await fixture.AdminA.GetStringAsync("/api/platform/audit?pageSize=200");
        var exportOfA = await fixture.AdminA.GetStringAsync("/api/platform/audit/export");

        Assert.NotEmpty(linesOfB);
        foreach (var body in new[] { pageOfA, exportOfA })
        {
            Assert.Contains(world.A.Marker, body);
            Assert.Null(TenantIsolationTests<TProvider>.Leaks(body, world.B));
            Assert.DoesNotContain(region.ToString(), body);
            Assert.DoesNotContain(linesOfB, line => body.Contains(line.ToString(), StringComparison.OrdinalIgnoreCase));
        }
    }
}

public sealed class AuditTrailSqlite(AppFixture<Sqlite> fixture) : AuditTrailTests<Sqlite>(fixture);

public sealed class AuditTrailPostgres(AppFixture<Postgres> fixture) : AuditTrailTests<Postgres>(fixture);
