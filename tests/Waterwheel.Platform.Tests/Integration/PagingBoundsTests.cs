using System.Net;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class PagingBoundsTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Theory]
    [InlineData("/api/platform/stores?page=2147483647", "page")]
    [InlineData("/api/platform/staff?page=2147483647&pageSize=200", "page")]
    [InlineData("/api/platform/audit?page=0", "page")]
    [InlineData("/api/platform/stores?page=-5", "page")]
    [InlineData("/api/platform/stores?pageSize=0", "pageSize")]
    [InlineData("/api/platform/stores?pageSize=100000", "pageSize")]
    [InlineData("/api/wecom/relations?page=2147483647", "page")]
    public async Task Out_of_range_paging_gets_400_naming_the_field(string url, string field)
    {
        using var response = await fixture.AdminA.GetAsync(url);
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_last_allowed_page_is_an_empty_page()
    {
        var page = await fixture.AdminA.GetOk("/api/platform/stores?page=1000000&pageSize=200");
        Assert.Empty(page.Items());
    }
}

public sealed class PagingBoundsSqlite(AppFixture<Sqlite> fixture) : PagingBoundsTests<Sqlite>(fixture);

public sealed class PagingBoundsPostgres(AppFixture<Postgres> fixture) : PagingBoundsTests<Postgres>(fixture);
