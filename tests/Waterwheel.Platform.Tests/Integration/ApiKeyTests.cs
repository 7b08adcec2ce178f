using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class ApiKeyTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Fact]
    public async Task A_new_key_shows_its_token_once_and_authenticates_with_X_Api_Key()
    {
        var (id, token) = await Arrange.ApiKey(fixture.AdminA, "Reporting", "org.read");

        Assert.StartsWith("ww_", token);
        var listed = await fixture.AdminA.GetStringAsync("/api/platform/api-keys");
        Assert.Contains(id.ToString(), listed);
        Assert.DoesNotContain(token, listed);
        Assert.DoesNotContain(token.Split('_')[2], listed);
        var me = await fixture.App.WithApiKey(token).GetOk("/api/platform/me");
        Assert.Equal((await fixture.AdminA.GetOk("/api/platform/me")).GetProperty("tenantId").GetGuid(), me.GetProperty("tenantId").GetGuid());
        await fixture.App.WithApiKey(token).GetOk("/api/platform/stores");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_very_next_request()
    {
        var (id, token) = await Arrange.ApiKey(fixture.AdminA, "Soon revoked", "org.read");
        var client = fixture.App.WithApiKey(token);
        await client.GetOk("/api/platform/stores");

        var revoked = await fixture.AdminA.DeleteAsync($"/api/platform/api-keys/{id}").Expect(HttpStatusCode.OK);
        Assert.NotNull(revoked.GetProperty("revokedAt").GetString());

        using var after = await client.GetAsync("/api/platform/stores");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused()
    {
        var (_, token) = await Arrange.ApiKey(fixture.AdminA, "Guessed", "org.read");
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var response = await fixture.App.WithApiKey(forged).GetAsync("/api/platform/stores");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_cannot_carry_a_permission_its_creator_lacks()
    {
        // A key that may manage keys but not read staff: the creator of the next key lacks staff.read.
        var (_, managerToken) = await Arrange.ApiKey(fixture.AdminA, "Key manager", "apikeys.manage", "org.read");
        var keyManager = fixture.App.WithApiKey(managerToken);

        using var beyond = await keyManager.PostAsJsonAsync("/api/platform/api-keys", new { name = "Escalated", permissions = new[] { "staff.read" } });
        var problem = await beyond.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("permissions", out _));
        using var staff = await keyManager.GetAsync("/api/platform/staff");
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);

        // Within its own permissions it may create keys, so the refusal above was about the permission.
        await keyManager.PostCreated("/api/platform/api-keys", new { name = "Narrower", permissions = new[] { "org.read" } });
        Assert.DoesNotContain("Escalated", await fixture.AdminA.GetStringAsync("/api/platform/api-keys"));
    }

    [Fact]
    public async Task Keys_see_only_their_own_tenant()
    {
        var world = await fixture.World();
        var (_, tokenA) = await Arrange.ApiKey(fixture.AdminA, "A reader", "org.read", "staff.read", "audit.read");
        var (_, tokenB) = await Arrange.ApiKey(world.AdminB, "B reader", "org.read", "staff.read", "audit.read");

        foreach (var (token, own, other) in new[] { (tokenA, world.A, world.B), (tokenB, world.B, world.A) })
        {
            var client = fixture.App.WithApiKey(token);
            foreach (var list in new[] { "/api/platform/stores?pageSize=200", "/api/platform/staff?pageSize=200", "/api/platform/org-units", "/api/platform/audit?pageSize=200" })
            {
                var body = await client.GetStringAsync(list);
                Assert.Contains(own.Marker, body);
                Assert.Null(TenantIsolationTests<TProvider>.Leaks(body, other));
            }
            await client.GetAsync($"/api/platform/stores/{other.Store1}").Expect(HttpStatusCode.NotFound);
            await client.GetAsync($"/api/platform/staff/{other.Guide1a}").Expect(HttpStatusCode.NotFound);
        }
    }
}

public sealed class ApiKeySqlite(AppFixture<Sqlite> fixture) : ApiKeyTests<Sqlite>(fixture);

public sealed class ApiKeyPostgres(AppFixture<Postgres> fixture) : ApiKeyTests<Postgres>(fixture);
