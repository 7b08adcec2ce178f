using System.Net;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class SignOutTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Fact]
    public async Task Signing_out_ends_the_session_and_is_audited()
    {
        var hq = await Arrange.HeadOffice(fixture.AdminA);
        var staff = await Arrange.Staff(fixture.AdminA, "Leaving operator", "HqOperator", orgUnitId: hq);
        var userName = await Arrange.Account(fixture.AdminA, staff.Id(), Arrange.NewCode("signout"));
        var client = await fixture.App.SignedIn(userName, Arrange.StaffPassword);
        await client.GetOk("/api/platform/me");

        using var signOut = await client.DeleteAsync("/api/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        using var me = await client.GetAsync("/api/platform/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(1, await Arrange.AuditCount(fixture.AdminA, "auth.sign_out", userName));
    }
}

public sealed class SignOutSqlite(AppFixture<Sqlite> fixture) : SignOutTests<Sqlite>(fixture);

public sealed class SignOutPostgres(AppFixture<Postgres> fixture) : SignOutTests<Postgres>(fixture);
