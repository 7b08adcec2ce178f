using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Inside one tenant, each role sees only its part: dealer, store or self; the analyst reads but never writes.</summary>
public abstract class DataScopeTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    private async Task<(TenantWorld A, HttpClient Client)> SignedInAs(Func<Accounts, string> who)
    {
        var a = (await fixture.World()).A;
        return (a, await fixture.App.SignedIn(who(a.Accounts!), Arrange.StaffPassword));
    }

    [Fact]
    public async Task Dealer_admin_does_not_see_another_dealers_stores()
    {
        var (a, dealer) = await SignedInAs(x => x.DealerAdmin1);

        var stores = (await dealer.GetOk("/api/platform/stores?pageSize=200")).Ids();
        Assert.Contains(a.Store1, stores);
        Assert.DoesNotContain(a.Store2, stores);
        Assert.DoesNotContain(a.RegionStore, stores);
        await dealer.GetOk($"/api/platform/stores/{a.Store1}");
        await dealer.GetAsync($"/api/platform/stores/{a.Store2}").Expect(HttpStatusCode.NotFound);
        var export = await dealer.GetStringAsync("/api/platform/stores/export");
        Assert.Contains($"{a.Marker}-S1", export);
        Assert.DoesNotContain($"{a.Marker}-S2", export);
    }

    [Fact]
    public async Task A_dealer_admin_who_asks_for_a_head_office_role_is_told_which_role_they_cannot_give()
    {
        var (a, dealer) = await SignedInAs(x => x.DealerAdmin1);
        using var response = await dealer.PostAsJsonAsync("/api/platform/staff",
            new { name = "越权的人", mobile = Arrange.NewMobile(), role = "HqOperator", orgUnitId = a.Dealer1 });
        var problem = await response.ExpectProblem(HttpStatusCode.Forbidden, "role_not_grantable");
        Assert.Contains("“总部运营”", problem.ToString());
    }

    [Fact]
    public async Task Dealer_admin_cannot_edit_or_add_stores_of_another_dealer()
    {
        var (a, dealer) = await SignedInAs(x => x.DealerAdmin1);
        var before = await fixture.AdminA.GetStringAsync($"/api/platform/stores/{a.Store2}");

        await dealer.PutAsJsonAsync($"/api/platform/stores/{a.Store2}", Arrange.StoreBody(a.Dealer1, "Taken over")).Expect(HttpStatusCode.NotFound);
        using var added = await dealer.PostAsJsonAsync("/api/platform/stores", Arrange.StoreBody(a.Dealer2, "Planted"));
        var problem = await added.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("orgUnitId", out _));
        Assert.Equal(before, await fixture.AdminA.GetStringAsync($"/api/platform/stores/{a.Store2}"));
    }

    [Fact]
    public async Task Dealer_admin_does_not_see_another_dealers_staff()
    {
        var (a, dealer) = await SignedInAs(x => x.DealerAdmin1);

        var staff = (await dealer.GetOk("/api/platform/staff?pageSize=200")).Ids();
        Assert.Subset(staff.ToHashSet(), new HashSet<Guid> { a.DealerAdmin1, a.Manager1, a.Guide1a, a.Guide1b });
        Assert.DoesNotContain(a.Guide2, staff);
        Assert.DoesNotContain(a.DealerAdmin2, staff);
        Assert.DoesNotContain(a.Analyst, staff);
        await dealer.GetAsync($"/api/platform/staff/{a.Guide2}").Expect(HttpStatusCode.NotFound);
        await dealer.GetAsync($"/api/platform/staff/{a.DealerAdmin2}").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Guide_listing_staff_sees_only_their_own_record()
    {
        var (a, guide) = await SignedInAs(x => x.Guide1a);

        var page = await guide.GetOk("/api/platform/staff?pageSize=200");
        Assert.Equal(1, page.Total());
        Assert.Equal(a.Guide1a, Assert.Single(page.Ids()));
        await guide.GetAsync($"/api/platform/staff/{a.Guide1b}").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Store_manager_sees_only_their_stores_staff()
    {
        var (a, manager) = await SignedInAs(x => x.Manager1);

        var page = await manager.GetOk("/api/platform/staff?pageSize=200");
        Assert.All(page.Items(), s => Assert.Equal(a.Store1, s.GetProperty("storeId").GetGuid()));
        Assert.Subset(page.Ids().ToHashSet(), new HashSet<Guid> { a.Manager1, a.Guide1a, a.Guide1b });
        Assert.DoesNotContain(a.Guide2, page.Ids());
        await manager.GetAsync($"/api/platform/staff/{a.Guide2}").Expect(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("StoreManager")]
    [InlineData("Guide")]
    public async Task People_of_a_region_run_store_see_only_the_units_above_their_store(string role)
    {
        var a = (await fixture.World()).A;
        var person = (await Arrange.Staff(fixture.AdminA, $"Region store {role}", role, storeId: a.RegionStore)).Id();
        var user = await Arrange.Account(fixture.AdminA, person, Arrange.NewCode("regionstore"));
        var client = await fixture.App.SignedIn(user, Arrange.StaffPassword);

        var units = (await client.GetOk("/api/platform/org-units")).Ids();
        Assert.Contains(a.Region, units);
        Assert.DoesNotContain(a.Dealer1, units);
        Assert.DoesNotContain(a.Dealer2, units);
        await client.GetAsync($"/api/platform/org-units/{a.Dealer1}").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dealer_stores_manager_sees_their_dealer_but_not_the_other()
    {
        var (a, manager) = await SignedInAs(x => x.Manager1);

        var units = (await manager.GetOk("/api/platform/org-units")).Ids();
        Assert.Contains(a.Dealer1, units);
        Assert.DoesNotContain(a.Dealer2, units);
    }

    [Fact]
    public async Task Analyst_reads_the_whole_tenant()
    {
        var (a, analyst) = await SignedInAs(x => x.Analyst);

        var stores = (await analyst.GetOk("/api/platform/stores?pageSize=200")).Ids();
        Assert.Subset(stores.ToHashSet(), new HashSet<Guid> { a.Store1, a.Store2, a.RegionStore });
        Assert.Contains(a.Guide2, (await analyst.GetOk("/api/platform/staff?pageSize=200")).Ids());
        await analyst.GetOk("/api/platform/audit");
        await analyst.GetOk($"/api/platform/stores/{a.Store2}");
    }

    [Fact]
    public async Task Analyst_gets_403_from_every_write_endpoint()
    {
        var (a, analyst) = await SignedInAs(x => x.Analyst);
        var targets = new Dictionary<string, Guid>
        {
            ["org-units"] = a.Dealer2, ["stores"] = a.Store2, ["staff"] = a.Guide2, ["api-keys"] = a.ApiKey,
        };
        var writes = (await ApiEndpoints.Load(fixture.App.Anonymous()))
            .Where(e => !e.IsRead && e.Path.StartsWith("/api/platform/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(writes);
        var storesBefore = await fixture.AdminA.GetStringAsync($"/api/platform/stores/{a.Store2}");
        var staffBefore = await fixture.AdminA.GetStringAsync($"/api/platform/staff/{a.Guide2}");

        var failures = new List<string>();
        foreach (var endpoint in writes)
        {
            using var request = ApiEndpoints.Request(endpoint, targets, new ValidBodies(a));
            using var response = await analyst.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
                failures.Add($"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(storesBefore, await fixture.AdminA.GetStringAsync($"/api/platform/stores/{a.Store2}"));
        Assert.Equal(staffBefore, await fixture.AdminA.GetStringAsync($"/api/platform/staff/{a.Guide2}"));
    }
}

public sealed class DataScopeSqlite(AppFixture<Sqlite> fixture) : DataScopeTests<Sqlite>(fixture);

public sealed class DataScopePostgres(AppFixture<Postgres> fixture) : DataScopeTests<Postgres>(fixture);
