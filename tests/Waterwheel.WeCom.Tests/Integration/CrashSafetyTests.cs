using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Waterwheel.WeCom.Data;
using Waterwheel.WeCom.Simulator.Crowd;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// The server is stopped while the simulator is pushing callbacks and started again on the same database. Every
/// callback it answered is handled, exactly once: no lost customer, no second welcome.
/// </summary>
public abstract class CrashSafetyTests(string provider)
{
    private const int Adds = 40;

    [Fact]
    public async Task Every_answered_callback_is_handled_exactly_once_across_a_restart()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var keys = Path.Combine(Directory.CreateTempSubdirectory("waterwheel-crash-").FullName, "pii-keys.json");
        var database = await TestDatabase.Create(provider);
        WaterwheelApp? current = null;
        await using var simulator = await SimulatorHost.Start(time, () => new ForwardToCurrent(() => current!.Server.CreateHandler()));
        WaterwheelApp Boot() => new(database,
            new Dictionary<string, string?>
            {
                ["Waterwheel:WeCom:BaseAddress"] = simulator.Server.BaseAddress.ToString(),
                ["Waterwheel:Pii:KeyFile"] = keys,
                // Short leases, so that messages claimed by the stopped server are taken over within the test.
                ["Waterwheel:Inbox:Lease"] = "00:00:02",
                ["Waterwheel:Inbox:PollInterval"] = "00:00:00.200",
                ["Waterwheel:WeCom:RunSync"] = "false",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(TimeProvider.System);
                services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => simulator.Server.CreateHandler()));
            }) { KeepDatabase = true };

        current = Boot();
        var tenant = await Connect(current, simulator);

        var outcomes = new ConcurrentBag<CrowdOutcome>();
        var pushing = Task.WhenAll(Enumerable.Range(0, Adds).Select(async i =>
        {
            await Task.Delay(i * 15);
            outcomes.Add(await simulator.Crowd.AddStaff(AppWithSimulator.CorpId, i % 2 == 0 ? "guide.li" : "guide.wang"));
        }));
        await Task.Delay(Adds * 15 / 3);
        var stopped = current;
        current = null;
        await stopped.DisposeAsync();          // the server goes away mid-stream
        current = Boot();                      // and comes back on the same database
        _ = current.Services;
        await pushing;

        var answered = outcomes.Where(o => o.Delivery?.Delivered == true).Select(o => o.ExternalUserid).ToHashSet();
        Assert.NotEmpty(answered);
        var welcomed = await Eventually(current, tenant, answered);
        Assert.Equal(answered.OrderBy(x => x), welcomed.Where(answered.Contains).OrderBy(x => x));
        lock (simulator.State.Sync)
        {
            var deliveries = simulator.State.Corp(AppWithSimulator.CorpId).Delivered.GroupBy(d => d.ExternalUserid).ToList();
            Assert.All(deliveries, d => Assert.Single(d));
            Assert.True(answered.All(a => deliveries.Any(d => d.Key == a)), "An answered add got no welcome message.");
        }
        await current.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<Guid> Connect(WaterwheelApp app, SimulatorHost simulator)
    {
        using var admin = await app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        var corp = simulator.State.AddCorp(AppWithSimulator.CorpId, AppWithSimulator.Secret);
        lock (simulator.State.Sync)
        {
            corp.AddStaff("guide.li", "李娜", 1);
            corp.AddStaff("guide.wang", "王芳", 1);
            corp.Callback = new Waterwheel.WeCom.Simulator.State.SimCallbackConfig(new Uri($"http://localhost/wecom/callback/{tenant:N}"), AppWithSimulator.Token, AppWithSimulator.AesKey);
        }
        (await admin.PutAsJsonAsync("/api/wecom/connection", new
        {
            corpId = AppWithSimulator.CorpId, secret = AppWithSimulator.Secret, callbackToken = AppWithSimulator.Token,
            encodingAesKey = AppWithSimulator.AesKey, welcomeText = AppWithSimulator.Welcome,
        })).EnsureSuccessStatusCode();
        return tenant;
    }

    private static async Task<List<string>> Eventually(WaterwheelApp app, Guid tenant, HashSet<string> expected)
    {
        var welcomed = new List<string>();
        for (var i = 0; i < 300 && !expected.All(welcomed.Contains); i++)
        {
            if (i > 0) await Task.Delay(100);
            welcomed = await app.InScope(sp =>
            {
                sp.GetRequiredService<ActorContext>().UseSystem(tenant);
                return sp.GetRequiredService<WeComDbContext>().Relations.AsNoTracking()
                    .Where(r => r.WelcomeSentAt != null).Select(r => r.ExternalUserId).ToListAsync();
            });
        }
        return welcomed;
    }

    /// <summary>Sends each request to whichever server is up now; with none up, the push fails like a refused connection.</summary>
    private sealed class ForwardToCurrent(Func<HttpMessageHandler> current) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            try
            {
                return await new HttpMessageInvoker(current(), disposeHandler: false).SendAsync(request, ct);
            }
            catch (Exception e) when (e is NullReferenceException or ObjectDisposedException or InvalidOperationException)
            {
                // A request in flight when the server stopped, or one sent while it was down: a refused connection.
                throw new HttpRequestException("The server is down.", e);
            }
        }
    }
}

public sealed class CrashSafetySqlite() : CrashSafetyTests("sqlite");

public sealed class CrashSafetyPostgres() : CrashSafetyTests("postgres");
