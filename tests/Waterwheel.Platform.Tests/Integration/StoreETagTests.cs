using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class StoreETagTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    private async Task<HttpResponseMessage> Put(Guid id, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/platform/stores/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await fixture.AdminA.SendAsync(request);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_the_current_one_saves_with_a_new_ETag()
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "ETag region");
        var code = Arrange.NewCode("ET");
        var id = (await Arrange.Store(fixture.AdminA, region, "Before", code)).Id();
        using var read = await fixture.AdminA.GetAsync($"/api/platform/stores/{id}");
        await read.Expect(HttpStatusCode.OK);
        var etag = read.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag), "GET store returned no ETag.");

        using var stale = await Put(id, Arrange.StoreBody(region, "Stale edit", code), "\"999\"");
        await stale.ExpectProblem(HttpStatusCode.PreconditionFailed, "stale_version");
        Assert.Equal("Before", (await fixture.AdminA.GetOk($"/api/platform/stores/{id}")).Text("name"));

        using var current = await Put(id, Arrange.StoreBody(region, "After", code), etag!);
        await current.Expect(HttpStatusCode.OK);
        var newEtag = current.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(newEtag), "PUT store returned no ETag.");
        Assert.NotEqual(etag, newEtag);
        Assert.Equal("After", (await fixture.AdminA.GetOk($"/api/platform/stores/{id}")).Text("name"));

        using var replay = await Put(id, Arrange.StoreBody(region, "Lost update", code), etag!);
        await replay.ExpectProblem(HttpStatusCode.PreconditionFailed, "stale_version");
        Assert.Equal("After", (await fixture.AdminA.GetOk($"/api/platform/stores/{id}")).Text("name"));
    }
}

public sealed class StoreETagSqlite(AppFixture<Sqlite> fixture) : StoreETagTests<Sqlite>(fixture);

public sealed class StoreETagPostgres(AppFixture<Postgres> fixture) : StoreETagTests<Postgres>(fixture);
