using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Two requests that pass the "is it taken?" check together: the database keeps one, the other gets a 409.</summary>
public abstract class UniquenessRaceTests<TProvider> : IAsyncLifetime where TProvider : IProvider
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

    private async Task Race(string table, string code, Func<Task<HttpResponseMessage>> request, HttpStatusCode success)
    {
        _race.Arm(table);
        var answers = await Task.WhenAll(request(), request());
        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.True(statuses.Contains(success) && statuses.Contains(HttpStatusCode.Conflict),
            $"Expected one {success} and one 409, got {string.Join(", ", statuses)}: {string.Join(" | ", await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync())))}");
        await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ExpectProblem(HttpStatusCode.Conflict, code);
    }

    [Fact]
    public async Task Two_stores_with_one_code()
    {
        var region = await Arrange.OrgUnit(_admin, await Arrange.HeadOffice(_admin), "Region", "Race region");
        var body = Arrange.StoreBody(region, "Twin store", Arrange.NewCode("TW"));
        await Race("stores", "store_code_taken", () => _admin.PostAsJsonAsync("/api/platform/stores", body), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_org_units_with_one_code()
    {
        var body = new { parentId = await Arrange.HeadOffice(_admin), kind = "Region", name = "Twin region", code = Arrange.NewCode("TR") };
        await Race("org_units", "org_unit_code_taken", () => _admin.PostAsJsonAsync("/api/platform/org-units", body), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_active_staff_with_one_mobile()
    {
        var body = new { name = "Twin operator", mobile = Arrange.NewMobile(), role = "HqOperator", orgUnitId = await Arrange.HeadOffice(_admin) };
        await Race("staff", "staff_mobile_taken", () => _admin.PostAsJsonAsync("/api/platform/staff", body), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_sign_ins_opened_for_one_staff_member()
    {
        var staff = (await Arrange.Staff(_admin, "Twin account", "HqOperator", orgUnitId: await Arrange.HeadOffice(_admin))).Id();
        var n = 0;
        await Race("accounts", "account_exists", () => _admin.PostAsJsonAsync($"/api/platform/staff/{staff}/account",
            new { userName = $"twin-{Interlocked.Increment(ref n)}-{staff:N}"[..30], password = Arrange.StaffPassword }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_mobile_is_free_again_once_its_holder_has_left()
    {
        var hq = await Arrange.HeadOffice(_admin);
        var mobile = Arrange.NewMobile();
        var first = (await Arrange.Staff(_admin, "First holder", "HqOperator", orgUnitId: hq, mobile: mobile)).Id();
        await _admin.PostOk($"/api/platform/staff/{first}/leave");
        await Arrange.Staff(_admin, "Second holder", "HqOperator", orgUnitId: hq, mobile: mobile);
    }
}

public sealed class UniquenessRaceSqlite : UniquenessRaceTests<Sqlite>;

public sealed class UniquenessRacePostgres : UniquenessRaceTests<Postgres>;
