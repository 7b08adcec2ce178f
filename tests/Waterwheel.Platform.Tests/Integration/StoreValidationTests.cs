using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class StoreValidationTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Fact]
    public async Task A_store_with_latitude_200_and_no_name_is_rejected_naming_both_fields_and_nothing_is_created()
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "Validation region");
        var code = Arrange.NewCode("BAD");
        var body = new
        {
            code, name = "", orgUnitId = region, province = "上海市", city = "上海市", district = "", address = "",
            latitude = 200.0, longitude = 121.4, openingHours = "", phone = "",
        };

        using var response = await fixture.AdminA.PostAsJsonAsync("/api/platform/stores", body);

        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["latitude", "name"], fields);
        Assert.Equal(0, (await fixture.AdminA.GetOk($"/api/platform/stores?q={code}")).Total());
    }

    [Theory]
    [InlineData("abc12", "08:00-21:00", "phone")]
    [InlineData("021-12345678", "25:00-99:00", "openingHours")]
    [InlineData("021-12345678", "09:00-09:60", "openingHours")]
    public async Task A_phone_no_one_can_dial_and_hours_no_clock_shows_are_refused_in_Chinese(string phone, string hours, string field)
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "Validation region");
        var body = new
        {
            code = Arrange.NewCode("BAD"), name = "南京西路店", orgUnitId = region, province = "上海市", city = "上海市", district = "", address = "",
            latitude = 31.2, longitude = 121.4, openingHours = hours, phone,
        };

        using var response = await fixture.AdminA.PostAsJsonAsync("/api/platform/stores", body);

        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains(field == "phone" ? "电话号码" : "09:00-21:00", errors.GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("021-62881234", "09:00-21:00")]
    [InlineData("(021) 6288 1234", "22:00-02:00")]
    [InlineData("+86 138 0000 0000", "07:00-24:00")]
    [InlineData("", "")]
    public async Task Real_phones_and_hours_are_kept(string phone, string hours)
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "Validation region");
        var body = new
        {
            code = Arrange.NewCode("OK"), name = "南京西路店", orgUnitId = region, province = "上海市", city = "上海市", district = "", address = "",
            latitude = 31.2, longitude = 121.4, openingHours = hours, phone,
        };
        using var response = await fixture.AdminA.PostAsJsonAsync("/api/platform/stores", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_point_picked_on_Amap_is_stored_as_the_GPS_point_it_stands_for_and_an_unknown_datum_is_refused()
    {
        var region = await Arrange.OrgUnit(fixture.AdminA, await Arrange.HeadOffice(fixture.AdminA), "Region", "Validation region");
        object Body(string datum) => new
        {
            code = Arrange.NewCode("GCJ"), name = "陆家嘴店", orgUnitId = region, province = "上海市", city = "上海市", district = "", address = "",
            latitude = 31.17530398364597, longitude = 121.531541859215, coordinateSystem = datum, openingHours = "", phone = "",
        };

        using var response = await fixture.AdminA.PostAsJsonAsync("/api/platform/stores", Body("Gcj02"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var store = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        // The reference pair: this GCJ-02 point is WGS-84 (31.1774276, 121.5272106), about 500 m away.
        Assert.Equal(31.1774276, store.GetProperty("latitude").GetDouble(), 1e-7);
        Assert.Equal(121.5272106, store.GetProperty("longitude").GetDouble(), 1e-7);

        using var refused = await fixture.AdminA.PostAsJsonAsync("/api/platform/stores", Body("Mars"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}

public sealed class StoreValidationSqlite(AppFixture<Sqlite> fixture) : StoreValidationTests<Sqlite>(fixture);

public sealed class StoreValidationPostgres(AppFixture<Postgres> fixture) : StoreValidationTests<Postgres>(fixture);
