using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Console;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Access ends with its reason, at once: a departure, a role or password change, a sign-out.</summary>
public abstract class AccessEndsTests<TProvider>(AppFixture<TProvider> fixture) : IClassFixture<AppFixture<TProvider>>
    where TProvider : IProvider
{
    private HttpClient Admin => fixture.AdminA;

    private async Task<(Guid Id, string UserName)> Person(string role, string name)
    {
        var hq = await Arrange.HeadOffice(Admin);
        var id = (await Arrange.Staff(Admin, name, role, orgUnitId: hq)).Id();
        return (id, await Arrange.Account(Admin, id, Arrange.NewCode("access")));
    }

    /// <summary>Signs in and returns the session cookie as a browser would send it, so a test can replay a copy.</summary>
    private async Task<string> SessionCookie(string userName)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var response = await client.PostAsJsonAsync("/api/session", new { userName, password = Arrange.StaffPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private async Task<HttpStatusCode> MeWith(string cookie)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/platform/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_personal_key_dies_when_its_owner_leaves_and_a_service_key_does_not()
    {
        var (ownerId, userName) = await Person("HqAdmin", "Key owner");
        var owner = await fixture.App.SignedIn(userName, Arrange.StaffPassword);
        var personal = (await owner.PostCreated("/api/platform/api-keys", new { name = "Personal", permissions = new[] { "org.read" } })).Text("token");
        var service = await owner.PostCreated("/api/platform/api-keys", new { name = "Service", permissions = new[] { "org.read" }, service = true });
        Assert.Equal(ownerId, service.GetProperty("key").GetProperty("ownerStaffId").GetGuid());
        await fixture.App.WithApiKey(personal).GetOk("/api/platform/stores");

        await Admin.PostOk($"/api/platform/staff/{ownerId}/leave");

        using var refused = await fixture.App.WithApiKey(personal).GetAsync("/api/platform/stores");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await fixture.App.WithApiKey(service.Text("token")).GetOk("/api/platform/stores");
    }

    [Fact]
    public async Task A_cookie_is_refused_on_the_next_request_after_its_owner_leaves()
    {
        var (id, userName) = await Person("HqOperator", "Leaving at once");
        var cookie = await SessionCookie(userName);
        Assert.Equal(HttpStatusCode.OK, await MeWith(cookie));

        await Admin.PostOk($"/api/platform/staff/{id}/leave");

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(cookie));
    }

    [Fact]
    public async Task A_cookie_is_refused_on_the_next_request_after_a_role_change()
    {
        var (id, userName) = await Person("HqOperator", "Demoted at once");
        var cookie = await SessionCookie(userName);
        Assert.Equal(HttpStatusCode.OK, await MeWith(cookie));
        using var read = await Admin.GetAsync($"/api/platform/staff/{id}");
        var hq = await Arrange.HeadOffice(Admin);

        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/platform/staff/{id}")
        {
            Content = JsonContent.Create(new { name = "Demoted at once", role = "Analyst", orgUnitId = hq }),
        };
        change.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        await (await Admin.SendAsync(change)).Expect(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(cookie));
    }

    [Fact]
    public async Task A_cookie_is_refused_on_the_next_request_after_a_password_change()
    {
        var (_, userName) = await Person("HqOperator", "New password");
        var cookie = await SessionCookie(userName);
        Assert.Equal(HttpStatusCode.OK, await MeWith(cookie));

        var changed = await fixture.App.InScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffAccount>>();
            return await users.ChangePasswordAsync((await users.FindByNameAsync(userName))!, Arrange.StaffPassword, "Another-pass-2026");
        });
        Assert.True(changed.Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(cookie));
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_cookie_no_longer_works()
    {
        var (_, userName) = await Person("HqOperator", "Signing out");
        var cookie = await SessionCookie(userName);
        Assert.Equal(HttpStatusCode.OK, await MeWith(cookie));

        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/session");
        signOut.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(cookie));
    }

    [Fact]
    public async Task A_console_circuit_revalidates_within_a_minute_and_loses_a_departed_session()
    {
        var (id, userName) = await Person("HqOperator", "Circuit user");
        var principal = await fixture.App.InScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffAccount>>();
            return await sp.GetRequiredService<SignInManager<StaffAccount>>().CreateUserPrincipalAsync((await users.FindByNameAsync(userName))!);
        });
        var state = new AuthenticationState(principal);
        Task<bool> StillValid() => fixture.App.InScope(sp =>
            ((ConsoleAuthenticationState)sp.GetRequiredService<AuthenticationStateProvider>()).StillValid(state, CancellationToken.None));
        Assert.True(ConsoleAuthenticationState.Interval <= TimeSpan.FromMinutes(1));
        Assert.True(await StillValid());

        await Admin.PostOk($"/api/platform/staff/{id}/leave");

        Assert.False(await StillValid());
    }
}

public sealed class AccessEndsSqlite(AppFixture<Sqlite> fixture) : AccessEndsTests<Sqlite>(fixture);

public sealed class AccessEndsPostgres(AppFixture<Postgres> fixture) : AccessEndsTests<Postgres>(fixture);
