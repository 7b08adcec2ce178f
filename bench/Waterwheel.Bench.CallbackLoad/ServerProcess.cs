using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Bench.CallbackLoad;

/// <summary>
/// The child process: the real Waterwheel server (its own Program, on Kestrel) against a fresh database, with its WeCom
/// client pointed at the simulator in the parent process. It runs as Production (no developer exception page, no DI scope
/// validation) and logs at the defaults of appsettings.json, so the figures include what the server really does and
/// writes. Prints its address, then runs until its stdin closes.
/// </summary>
internal static class ServerProcess
{
    public const string Mode = "--server";
    public const string ReadyLine = "WATERWHEEL-BENCH-SERVER ";

    /// <summary>Asked on stdin, answered on stdout: the JIT compiler's total time in this process so far, in ms.</summary>
    public const string JitQuery = "jit", JitLine = "WATERWHEEL-BENCH-JIT ";

    /// <summary>The full path, or callbacks received and stored but never handled (the inbox processor off).</summary>
    public const string Full = "full", StoreOnly = "store-only";

    public static string AdminOf(int tenant) => tenant == 0 ? WaterwheelApp.AdminUser : $"bench{tenant}-admin";

    public static async Task<int> Run(string provider, string simulatorUrl, string mode, int tenants)
    {
        // The WeCom client keeps its default per-corp budget (150 calls/s per API): each corp adds at most 100/s.
        await using var app = new ProductionApp(await TestDatabase.Create(provider), new Dictionary<string, string?>
        {
            ["Waterwheel:WeCom:BaseAddress"] = simulatorUrl,
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Waterwheel:Inbox:RunProcessor"] = mode == StoreOnly ? "false" : "true",
            // A freshly connected corp gets its first reconciliation (a full sync) within seconds; that one-off would
            // land in the middle of the measured adds, and it is not the callback path.
            ["Waterwheel:WeCom:RunSync"] = "false",
        });
        app.UseKestrel(0);
        app.StartServer();
        // The first tenant comes from the bootstrap settings; the others, one per extra corp, are provisioned as a
        // second brand would be.
        for (var i = 1; i < tenants; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().Create(
                new NewTenant($"Bench Brand {i}", $"bench{i}", AdminOf(i), WaterwheelApp.AdminPassword, $"Admin {i}", $"1390000{i:D4}"), CancellationToken.None);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        System.Console.WriteLine(ReadyLine + address);
        while (await System.Console.In.ReadLineAsync() is { } line)
        {
            if (line == JitQuery)
                System.Console.WriteLine(JitLine + System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return 0;
    }
}

internal sealed class ProductionApp(TestDatabase database, IDictionary<string, string?> settings) : WaterwheelApp(database, settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environments.Production);
    }
}
