using System.Net;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public sealed class ForeignOriginTests(AppFixture<Sqlite> fixture) : IClassFixture<AppFixture<Sqlite>>
{
    [Fact]
    public async Task A_cookie_request_from_another_sites_page_is_refused_before_the_endpoint_runs()
    {
        var staff = await Arrange.Staff(fixture.AdminA, "Origin target", "HqOperator", orgUnitId: await Arrange.HeadOffice(fixture.AdminA));
        var reveal = $"/api/platform/staff/{staff.Id()}/reveal-mobile";
        var revealsBefore = await Arrange.AuditCount(fixture.AdminA, "pii.revealed");

        using var foreign = await Post(fixture.AdminA, reveal, "https://evil.example");
        await foreign.ExpectProblem(HttpStatusCode.Forbidden, "foreign_origin");
        using var sandboxed = await Post(fixture.AdminA, reveal, "null");
        await sandboxed.ExpectProblem(HttpStatusCode.Forbidden, "foreign_origin");
        Assert.Equal(revealsBefore, await Arrange.AuditCount(fixture.AdminA, "pii.revealed"));

        using var own = await Post(fixture.AdminA, reveal, fixture.AdminA.BaseAddress!.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var script = await Post(fixture.AdminA, reveal, origin: null);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Api_keys_and_wecom_callbacks_are_not_checked()
    {
        var staff = await Arrange.Staff(fixture.AdminA, "Key target", "HqOperator", orgUnitId: await Arrange.HeadOffice(fixture.AdminA));
        var (_, token) = await Arrange.ApiKey(fixture.AdminA, "origin-key", Waterwheel.Platform.Contracts.Permissions.PiiReveal, Waterwheel.Platform.Contracts.Permissions.StaffRead);
        using var withKey = await Post(fixture.App.WithApiKey(token), $"/api/platform/staff/{staff.Id()}/reveal-mobile", "https://partner.example");
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);

        using var callback = await Post(fixture.App.Anonymous(), $"/wecom/callback/{Guid.NewGuid()}", "https://evil.example");
        Assert.NotEqual(HttpStatusCode.Forbidden, callback.StatusCode);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }
}
