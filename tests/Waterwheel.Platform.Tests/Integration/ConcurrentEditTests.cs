using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Two edits of one row never both win, and never make a 500; an edit that names no version is refused.</summary>
public abstract class ConcurrentEditTests<TProvider> : IAsyncLifetime where TProvider : IProvider
{
    private readonly RacingWrites _race = new();
    private WaterwheelApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = new WaterwheelApp(await TestDatabase.Create(TProvider.Name), services: _race.Register);
        _admin = await _app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(Guid Region, Guid Id, string Code, string ETag)> NewStore()
    {
        var region = await Arrange.OrgUnit(_admin, await Arrange.HeadOffice(_admin), "Region", "Race region");
        var code = Arrange.NewCode("RC");
        var id = (await Arrange.Store(_admin, region, "Before", code)).Id();
        using var read = await _admin.GetAsync($"/api/platform/stores/{id}");
        return (region, id, code, read.Headers.ETag!.ToString());
    }

    private Task<HttpResponseMessage> Put(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _admin.SendAsync(request);
    }

    [Fact]
    public async Task Two_concurrent_edits_with_one_ETag_give_one_200_and_one_412()
    {
        var (region, id, code, etag) = await NewStore();

        _race.Arm("stores");
        var answers = await Task.WhenAll(
            Put($"/api/platform/stores/{id}", Arrange.StoreBody(region, "Edit one", code), etag),
            Put($"/api/platform/stores/{id}", Arrange.StoreBody(region, "Edit two", code), etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        await answers.Single(a => a.StatusCode == HttpStatusCode.PreconditionFailed).ExpectProblem(HttpStatusCode.PreconditionFailed, "stale_version");
    }

    [Fact]
    public async Task Two_concurrent_status_changes_give_one_200_and_one_412()
    {
        var (_, id, _, _) = await NewStore();

        _race.Arm("stores");
        var answers = await Task.WhenAll(
            _admin.PostAsJsonAsync($"/api/platform/stores/{id}/status", new { status = "Paused" }),
            _admin.PostAsJsonAsync($"/api/platform/stores/{id}/status", new { status = "Closed" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        await answers.Single(a => a.StatusCode == HttpStatusCode.PreconditionFailed).ExpectProblem(HttpStatusCode.PreconditionFailed, "stale_version");
    }

    [Fact]
    public async Task An_edit_without_If_Match_gets_428_and_changes_nothing()
    {
        var (region, id, code, _) = await NewStore();
        var hq = await Arrange.HeadOffice(_admin);
        var unit = await Arrange.OrgUnit(_admin, hq, "Region", "No-precondition region");
        var guide = (await Arrange.Staff(_admin, "No-precondition guide", "Guide", storeId: id)).Id();

        foreach (var (url, body) in new (string, object)[]
        {
            ($"/api/platform/stores/{id}", Arrange.StoreBody(region, "Blind edit", code)),
            ($"/api/platform/org-units/{unit}", new { parentId = hq, kind = "Region", name = "Blind edit", code = Arrange.NewCode("BE") }),
            ($"/api/platform/staff/{guide}", new { name = "Blind edit", role = "Guide", storeId = id }),
        })
        {
            using var blind = await Put(url, body, ifMatch: null);
            await blind.ExpectProblem(HttpStatusCode.PreconditionRequired, "if_match_required");
            Assert.DoesNotContain("Blind edit", await _admin.GetStringAsync(url));
        }
    }
}

public sealed class ConcurrentEditSqlite : ConcurrentEditTests<Sqlite>;

public sealed class ConcurrentEditPostgres : ConcurrentEditTests<Postgres>;
