using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>The Data Protection key ring is stored encrypted with the PII keys, and sessions still survive a restart.</summary>
public abstract class KeyRingAtRestTests<TProvider> where TProvider : IProvider
{
    [Fact]
    public async Task The_stored_key_ring_holds_no_key_in_clear_and_a_session_survives_a_restart()
    {
        var database = await TestDatabase.Create(TProvider.Name);
        var keys = Path.Combine(Directory.CreateTempSubdirectory("waterwheel-ring-").FullName, "pii-keys.json");
        var settings = new Dictionary<string, string?> { ["Waterwheel:Pii:KeyFile"] = keys };
        string cookie;
        await using (var first = new WaterwheelApp(database, settings) { KeepDatabase = true })
        {
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            var signIn = await client.PostAsJsonAsync("/api/session", new { userName = WaterwheelApp.AdminUser, password = WaterwheelApp.AdminPassword });
            signIn.EnsureSuccessStatusCode();
            cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

            var stored = await first.InScope(sp => sp.GetRequiredService<Data.PlatformDbContext>().DataProtectionKeys.AsNoTracking()
                .Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
        }

        await using var second = new WaterwheelApp(database, settings);
        using var again = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        again.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.True((await again.GetAsync("/api/platform/me")).IsSuccessStatusCode, "The session did not survive the restart.");
    }
}

public sealed class KeyRingAtRestSqlite : KeyRingAtRestTests<Sqlite>;

public sealed class KeyRingAtRestPostgres : KeyRingAtRestTests<Postgres>;
