using System.Net;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>
/// The console's export links carry every filter, set or not (<c>?status=</c>): an empty query value means "no filter",
/// never a 400 about binding an enum or a date from "".
/// </summary>
public abstract class ExportFilterTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Theory]
    [InlineData("/api/platform/stores/export?q=&city=&status=&orgUnitId=")]
    [InlineData("/api/platform/staff/export?q=&role=&status=&storeId=&orgUnitId=")]
    [InlineData("/api/platform/audit/export?q=&action=&from=&to=")]
    [InlineData("/api/customers/profiles/export?format=&unmasked=&desc=&sort=&q=")]
    [InlineData("/api/platform/stores?q=&city=&status=&page=&pageSize=")]
    [InlineData("/api/wecom/relations/export?format=xlsx&q=&status=&staffUserId=")]
    [InlineData("/api/wecom/relation-alerts/export?q=&kind=&status=&staffUserId=")]
    [InlineData("/api/wecom/groups/export?q=&status=&ownerUserId=")]
    [InlineData("/api/wecom/tags/export?q=&groupId=&includeDeleted=")]
    [InlineData("/api/wecom/members/export?q=&linked=&includeRemoved=")]
    [InlineData("/api/acquisition/channels/export?q=&kind=&parentId=")]
    [InlineData("/api/acquisition/codes/export?format=xlsx&q=&channelId=&status=")]
    [InlineData("/api/acquisition/group-codes/export?q=&channelId=&status=")]
    public async Task Empty_filters_are_no_filters(string url)
    {
        using var response = await fixture.AdminA.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("/api/wecom/relations/export?format=pdf")]
    [InlineData("/api/acquisition/codes/export?format=doc")]
    public async Task A_format_other_than_csv_or_xlsx_is_refused_by_name(string url)
    {
        using var response = await fixture.AdminA.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("format", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_value_that_is_not_empty_is_still_checked()
    {
        using var response = await fixture.AdminA.GetAsync("/api/platform/stores/export?status=Sideways");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class ExportFilterSqlite(AppFixture<Sqlite> fixture) : ExportFilterTests<Sqlite>(fixture);

public sealed class ExportFilterPostgres(AppFixture<Postgres> fixture) : ExportFilterTests<Postgres>(fixture);
