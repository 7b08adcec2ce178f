using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

public sealed class SignInLimitTests
{
    [Fact]
    public async Task One_address_is_paced_with_429_and_retry_after_while_others_still_sign_in()
    {
        await using var app = new WaterwheelApp(await TestDatabase.Create("sqlite"),
            new Dictionary<string, string?> { ["Waterwheel:SignIn:PermitLimit"] = "3", ["Waterwheel:SignIn:Window"] = "00:15:00" }, ClientAddress.Register);
        var client = app.Anonymous();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await SignIn(client, "192.0.2.1", "not-the-password");
            await wrong.ExpectProblem(HttpStatusCode.Forbidden, "sign_in_failed");
        }
        using var limited = await SignIn(client, "192.0.2.1", WaterwheelApp.AdminPassword);
        await limited.ExpectProblem(HttpStatusCode.TooManyRequests, "too_many_sign_ins");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);

        using var elsewhere = await SignIn(client, "192.0.2.2", WaterwheelApp.AdminPassword);
        Assert.Equal(HttpStatusCode.NoContent, elsewhere.StatusCode);
    }

    [Fact]
    public async Task By_default_one_address_runs_out_before_it_could_lock_an_account()
    {
        await using var app = new WaterwheelApp(await TestDatabase.Create("sqlite"));
        var lockout = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout;
        var limit = new SignInLimitOptions();
        Assert.True(limit.PermitLimit < lockout.MaxFailedAccessAttempts);
        Assert.True(limit.Window >= lockout.DefaultLockoutTimeSpan);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_hash_like_a_known_one()
    {
        var hasher = new CountingHasher();
        await using var app = new WaterwheelApp(await TestDatabase.Create("sqlite"), services: s => s.AddSingleton<IPasswordHasher<StaffAccount>>(hasher));
        var client = app.Anonymous();

        using var unknown = await client.PostAsJsonAsync("/api/session", new { userName = "nobody-here", password = "whatever-password" });
        await unknown.ExpectProblem(HttpStatusCode.Forbidden, "sign_in_failed");
        Assert.Equal(1, hasher.Verifications);

        using var known = await client.PostAsJsonAsync("/api/session", new { userName = WaterwheelApp.AdminUser, password = "whatever-password" });
        await known.ExpectProblem(HttpStatusCode.Forbidden, "sign_in_failed");
        Assert.Equal(2, hasher.Verifications);
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string from, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session")
        {
            Content = JsonContent.Create(new { userName = WaterwheelApp.AdminUser, password }),
        };
        request.Headers.Add(ClientAddress.Header, from);
        return await client.SendAsync(request);
    }

    private sealed class CountingHasher : IPasswordHasher<StaffAccount>
    {
        private readonly PasswordHasher<StaffAccount> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(StaffAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
