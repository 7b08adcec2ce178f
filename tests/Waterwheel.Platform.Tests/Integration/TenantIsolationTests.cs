using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>
/// Generated from the OpenAPI document: every endpoint, asked by tenant A's HQ admin about tenant B, answers as if B did
/// not exist and changes nothing of B's.
/// </summary>
public abstract class TenantIsolationTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    /// <summary>Tenant B's object for each resource that an <c>{id}</c> can name.</summary>
    private static Dictionary<string, Guid> TargetsIn(TenantWorld t) => new()
    {
        ["org-units"] = t.Region,
        ["stores"] = t.Store1,
        ["staff"] = t.Guide1a,
        ["api-keys"] = t.ApiKey,
        ["relation-alerts"] = t.RelationAlert,
        ["profiles"] = t.Customers.Profile,
        ["merges"] = t.Customers.Merge,
        ["sources"] = t.Customers.Source,
        ["identifier-marks"] = t.Customers.Mark,
        ["imports"] = t.Customers.Import,
        ["templates"] = t.Customers.ImportTemplate,
        ["tag-groups"] = t.Audiences.TagGroup,
        ["tags"] = t.Audiences.Tag,
        ["segments"] = t.Audiences.Segment,
        ["packs"] = t.Audiences.Pack,
        ["channels"] = t.Acquisition.Channel,
        ["codes"] = t.Acquisition.Code,
        ["group-codes"] = t.Acquisition.GroupCode,
    };

    /// <summary>How B reads back each resource, to prove an attempt of A's changed nothing.</summary>
    private static async Task<string> Snapshot(HttpClient b, string resource, Guid id) => resource switch
    {
        "org-units" => (await b.GetOk($"/api/platform/org-units/{id}")).ToString(),
        "stores" => (await b.GetOk($"/api/platform/stores/{id}")).ToString(),
        "staff" => (await b.GetOk($"/api/platform/staff/{id}")).ToString(),
        "api-keys" => (await b.GetOk("/api/platform/api-keys")).EnumerateArray().Single(k => k.Id() == id).ToString(),
        "relation-alerts" => (await b.GetOk("/api/wecom/relation-alerts?pageSize=200")).GetProperty("items").EnumerateArray().Single(a => a.Id() == id).ToString(),
        // A profile's snapshot holds its merge history, so an attempt on its merge shows there.
        "profiles" => (await b.GetOk($"/api/customers/profiles/{id}")).ToString() + (await b.GetOk($"/api/customers/profiles/{id}/merges")),
        "merges" => "read with its profile",
        "sources" => (await b.GetOk("/api/customers/sources")).EnumerateArray().Single(x => x.Id() == id).ToString(),
        "identifier-marks" => (await b.GetOk("/api/customers/identifier-marks")).EnumerateArray().Single(x => x.Id() == id).ToString(),
        "imports" => (await b.GetOk($"/api/customers/imports/{id}")).ToString(),
        "templates" => (await b.GetOk("/api/customers/imports/templates")).EnumerateArray().Single(x => x.Text("key") == id.ToString()).ToString(),
        "tag-groups" => (await b.GetOk("/api/audiences/tag-groups")).EnumerateArray().Single(x => x.Id() == id).ToString(),
        // Counts move as B's own customers arrive; what A could change is the name, the condition and the version.
        "tags" => Stable(await b.GetOk($"/api/audiences/tags/{id}"), "name", "groupId", "version"),
        "segments" => Stable(await b.GetOk($"/api/audiences/segments/{id}"), "name", "text", "version"),
        "packs" => (await b.GetOk($"/api/audiences/packs/{id}")).ToString(),
        "channels" => Stable(await b.GetOk($"/api/acquisition/channels/{id}"), "name", "cost", "version"),
        "group-codes" => Stable(await b.GetOk($"/api/acquisition/group-codes/{id}"), "name", "status", "liveChatIds", "version"),
        "codes" => Stable(await b.GetOk($"/api/acquisition/codes/{id}"), "name", "status", "liveUserIds", "version")
            + (await b.GetOk($"/api/acquisition/codes/{id}/arrivals")).GetProperty("total"),
        _ => throw new Xunit.Sdk.XunitException($"No snapshot for resource '{resource}': extend the test."),
    };

    private static string Stable(System.Text.Json.JsonElement e, params string[] properties) =>
        string.Join("|", properties.Select(p => e.GetProperty(p).ToString()));

    [Fact]
    public async Task Every_endpoint_with_an_id_answers_404_for_the_other_tenants_object_and_changes_nothing()
    {
        var world = await fixture.World();
        var targets = TargetsIn(world.B);
        var endpoints = (await ApiEndpoints.Load(fixture.App.Anonymous())).Where(e => e.PathParameters.Contains("id")).ToList();
        Assert.NotEmpty(endpoints);
        var before = new Dictionary<string, string>();
        foreach (var (resource, id) in targets) before[resource] = await Snapshot(world.AdminB, resource, id);
        var auditBefore = (await world.AdminB.GetOk("/api/platform/audit?pageSize=1")).Total();

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            using var request = ApiEndpoints.Request(endpoint, targets, new ValidBodies(world.A));
            using var response = await fixture.AdminA.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"{endpoint}: {(int)response.StatusCode} {body}");
            if (Leaks(body, world.B) is { } leak) failures.Add($"{endpoint}: body shows B's {leak}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        foreach (var (resource, id) in targets)
            Assert.Equal(before[resource], await Snapshot(world.AdminB, resource, id));
        Assert.Equal(auditBefore, (await world.AdminB.GetOk("/api/platform/audit?pageSize=1")).Total());
    }

    [Fact]
    public async Task Every_list_and_export_shows_only_the_callers_tenant()
    {
        var world = await fixture.World();
        var lists = (await ApiEndpoints.Load(fixture.App.Anonymous())).Where(e => e.IsRead && e.PathParameters.Count == 0).ToList();
        var queries = new[] { "?pageSize=200", $"?pageSize=200&q={world.B.Marker}", $"?pageSize=200&q={world.B.Guide2Mobile}" };

        var failures = new List<string>();
        var showingOwnData = new HashSet<string>();
        foreach (var endpoint in lists)
            foreach (var query in queries)
            {
                using var request = ApiEndpoints.Request(endpoint, new Dictionary<string, Guid>(), new ValidBodies(world.A), query);
                using var response = await fixture.AdminA.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{endpoint}{query}: {(int)response.StatusCode} {body}");
                if (Leaks(body, world.B) is { } leak) failures.Add($"{endpoint}{query}: shows B's {leak}");
                if (body.Contains(world.A.Marker, StringComparison.Ordinal)) showingOwnData.Add(endpoint.Path);
            }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The sweep is only meaningful if the lists do show data: A's own marker appears in each of them.
        string[] mustShowOwnData =
        [
            "/api/platform/org-units", "/api/platform/stores", "/api/platform/staff", "/api/platform/api-keys", "/api/platform/audit",
            "/api/platform/organisation/summary", "/api/platform/audit/export", "/api/platform/stores/export", "/api/platform/staff/export",
        ];
        Assert.Empty(mustShowOwnData.Except(showingOwnData));
    }

    [Fact]
    public async Task Bodies_naming_the_other_tenants_units_or_stores_are_rejected()
    {
        var world = await fixture.World();
        var storesOfB = (await world.AdminB.GetOk("/api/platform/stores?pageSize=1")).Total();
        var staffOfB = (await world.AdminB.GetOk("/api/platform/staff?pageSize=1")).Total();

        var store = await fixture.AdminA.PostAsJsonAsync("/api/platform/stores", Arrange.StoreBody(world.B.Region, "Smuggled store"));
        var staff = await fixture.AdminA.PostAsJsonAsync("/api/platform/staff",
            new { name = "Smuggled guide", mobile = Arrange.NewMobile(), role = "Guide", storeId = world.B.Store1 });
        var unit = await fixture.AdminA.PostAsJsonAsync("/api/platform/org-units",
            new { parentId = world.B.Region, kind = "Dealer", name = "Smuggled dealer", code = Arrange.NewCode("SD") });

        Assert.True((await store.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("orgUnitId", out _));
        Assert.True((await staff.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("storeId", out _));
        Assert.True((await unit.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("parentId", out _));
        Assert.Equal(storesOfB, (await world.AdminB.GetOk("/api/platform/stores?pageSize=1")).Total());
        Assert.Equal(staffOfB, (await world.AdminB.GetOk("/api/platform/staff?pageSize=1")).Total());
    }

    /// <summary>What of tenant B a response body shows, if anything: its marker or the id of one of its objects.</summary>
    internal static string? Leaks(string body, TenantWorld b)
    {
        if (body.Contains(b.Marker, StringComparison.Ordinal)) return $"marker {b.Marker}";
        if (body.Contains(b.Guide2Mobile, StringComparison.Ordinal)) return "staff mobile number";
        return b.AllIds.FirstOrDefault(id => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)) is var leaked && leaked != Guid.Empty
            ? $"object id {leaked}"
            : null;
    }
}

public sealed class TenantIsolationSqlite(AppFixture<Sqlite> fixture) : TenantIsolationTests<Sqlite>(fixture);

public sealed class TenantIsolationPostgres(AppFixture<Postgres> fixture) : TenantIsolationTests<Postgres>(fixture);
