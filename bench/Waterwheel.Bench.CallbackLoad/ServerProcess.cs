using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

    public static async Task<int> Run(string provider, string simulatorUrl)
    {
        await using var app = new ProductionApp(await TestDatabase.Create(provider), new Dictionary<string, string?>
        {
            ["Waterwheel:WeCom:BaseAddress"] = simulatorUrl,
            ["Serilog:MinimumLevel:Default"] = "Information",
            // Real WeCom allows one corp 10,000 calls a minute per API (~166/s), and the client keeps below that, so
            // one corp can never be welcomed at 500 adds/s. The bench measures the server, so it lifts the budget.
            ["Waterwheel:WeCom:CallsPerMinutePerApi"] = "1000000",
            ["Waterwheel:WeCom:CallsPerHourPerApi"] = "100000000",
        });
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        System.Console.WriteLine(ReadyLine + address);
        while (await System.Console.In.ReadLineAsync() is not null) { }
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
