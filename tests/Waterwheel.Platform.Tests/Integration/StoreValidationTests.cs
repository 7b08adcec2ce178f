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
}

public sealed class StoreValidationSqlite(AppFixture<Sqlite> fixture) : StoreValidationTests<Sqlite>(fixture);

public sealed class StoreValidationPostgres(AppFixture<Postgres> fixture) : StoreValidationTests<Postgres>(fixture);
