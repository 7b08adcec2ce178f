using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Waterwheel.WeCom.Data;
using Waterwheel.WeCom.Simulator.State;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// The real Waterwheel server and the WeCom simulator, each in-process, wired as in production: the server's WeCom
/// client calls the simulator over HTTP, and the simulator pushes encrypted callbacks to the server's callback URL.
/// Both run on one fake clock so that timestamps agree.
/// </summary>
internal sealed class AppWithSimulator : IAsyncDisposable
{
    public const string CorpId = "wwpipeline000001";
    public const string Secret = "pipeline-secret";
    public const string Token = "PipeT0ken";
    public const string AesKey = "Zz9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6b";
    public const string Welcome = "欢迎来到麦香坊！";

    private WaterwheelApp? _app;

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());
    public SimulatorHost Simulator { get; private set; } = null!;
    public WaterwheelApp App => _app!;
    public HttpClient Admin { get; private set; } = null!;
    public Guid TenantId { get; private set; }
    public SimCorp Corp => Simulator.State.Corp(CorpId);

    public static async Task<AppWithSimulator> Start(string provider, Action<IServiceCollection>? services = null)
    {
        var host = new AppWithSimulator();
        host.Simulator = await SimulatorHost.Start(host.Time, () => host.App.Server.CreateHandler());
        host._app = new WaterwheelApp(await TestDatabase.Create(provider),
            new Dictionary<string, string?>
            {
                ["Waterwheel:WeCom:BaseAddress"] = host.Simulator.Server.BaseAddress.ToString(),
                // Tests drive syncs themselves rather than racing the daily reconciliation.
                ["Waterwheel:WeCom:RunSync"] = "false",
                ["Waterwheel:Outbox:PollInterval"] = "00:00:00.050",
            },
            registrations =>
            {
                registrations.AddSingleton<TimeProvider>(host.Time);
                registrations.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => host.Simulator.Server.CreateHandler()));
                services?.Invoke(registrations);
            });
        host.Admin = await host.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var me = await host.Admin.GetFromJsonAsync<JsonElement>("/api/platform/me");
        host.TenantId = me.GetProperty("tenantId").GetGuid();
        await host.Connect();
        return host;
    }

    private async Task Connect()
    {
        var corp = Simulator.State.AddCorp(CorpId, Secret);
        lock (Simulator.State.Sync)
        {
            corp.AddStaff("guide.li", "李娜", 1);
            corp.AddStaff("guide.wang", "王芳", 1);
            corp.Callback = new SimCallbackConfig(new Uri(App.Server.BaseAddress, CallbackPath), Token, AesKey);
        }
        var saved = await Admin.PutAsJsonAsync("/api/wecom/connection",
            new { corpId = CorpId, secret = Secret, callbackToken = Token, encodingAesKey = AesKey, welcomeText = Welcome });
        saved.EnsureSuccessStatusCode();
    }

    public string CallbackPath => $"/wecom/callback/{TenantId:N}";

    /// <summary>Starts a full sync the way the settings page does; returns the run's id.</summary>
    internal async Task<Guid> StartSync()
    {
        var response = await Admin.PostAsync("/api/wecom/sync/customers", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Runs a sync to its end in this call, as the worker would (tests turn the worker's own loop off).</summary>
    internal Task DriveSync(Guid run) => App.Services.GetRequiredService<Sync.SyncDriver>().Drive(run, TenantId, CancellationToken.None);

    internal Task<Sync.SyncRun> SyncRun(Guid id) => Read(db => db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>Reads the module's data as the tenant's system actor.</summary>
    internal Task<T> Read<T>(Func<WeComDbContext, Task<T>> query) => App.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(TenantId);
        return query(sp.GetRequiredService<WeComDbContext>());
    });

    /// <summary>Waits until the asynchronous handling shows its effect (or gives up and lets the assertion fail).</summary>
    internal async Task<T> Eventually<T>(Func<WeComDbContext, Task<T>> query, Func<T, bool> done)
    {
        var value = await Read(query);
        for (var i = 0; i < 200 && !done(value); i++)
        {
            await Task.Delay(50);
            value = await Read(query);
        }
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (Simulator is not null) await Simulator.DisposeAsync();
    }
}
