using System.Net;
using System.Net.Http.Json;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public abstract class SignInLockoutTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_every_failure_is_audited()
    {
        var hq = await Arrange.HeadOffice(fixture.AdminA);
        var staff = await Arrange.Staff(fixture.AdminA, "Lockout operator", "HqOperator", orgUnitId: hq);
        var userName = await Arrange.Account(fixture.AdminA, staff.Id(), Arrange.NewCode("lockout"));
        var client = fixture.App.Anonymous();
        Assert.Equal(HttpStatusCode.NoContent, await Arrange.SignInStatus(client, userName, Arrange.StaffPassword));

        var codes = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/session", new { userName, password = "not-the-password" });
            codes.Add((await wrong.Expect(HttpStatusCode.Forbidden)).Text("code"));
        }
        using var right = await client.PostAsJsonAsync("/api/session", new { userName, password = Arrange.StaffPassword });
        await right.ExpectProblem(HttpStatusCode.Forbidden, "account_locked");

        Assert.Equal(["sign_in_failed", "sign_in_failed", "sign_in_failed", "sign_in_failed", "account_locked"], codes);
        Assert.Equal(4, await Arrange.AuditCount(fixture.AdminA, "auth.sign_in_failed", userName));
        Assert.Equal(2, await Arrange.AuditCount(fixture.AdminA, "auth.locked_out", userName));
        Assert.Equal(1, await Arrange.AuditCount(fixture.AdminA, "auth.sign_in", userName));
    }

    [Fact]
    public async Task A_failed_sign_in_does_not_start_a_session()
    {
        var client = fixture.App.Anonymous();
        using var wrong = await client.PostAsJsonAsync("/api/session", new { userName = WaterwheelAppUser, password = "wrong-password" });
        await wrong.ExpectProblem(HttpStatusCode.Forbidden, "sign_in_failed");
        using var me = await client.GetAsync("/api/platform/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    private static string WaterwheelAppUser => Waterwheel.Testing.WaterwheelApp.AdminUser;
}

public sealed class SignInLockoutSqlite(AppFixture<Sqlite> fixture) : SignInLockoutTests<Sqlite>(fixture);

public sealed class SignInLockoutPostgres(AppFixture<Postgres> fixture) : SignInLockoutTests<Postgres>(fixture);
