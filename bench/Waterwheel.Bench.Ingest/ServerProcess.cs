using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Waterwheel.Testing;

namespace Waterwheel.Bench.Ingest;

/// <summary>
/// The child process: the real Waterwheel server (its own Program, on Kestrel, as Production, Server GC) against the
/// database the parent prepared. Prints its address, then runs until its stdin closes; with profiling on it then prints
/// where its database time and handler time went.
/// </summary>
internal static class ServerProcess
{
    public const string Mode = "--server";
    public const string ReadyLine = "WATERWHEEL-BENCH-SERVER ";

    public static async Task<int> Run(string provider, string connectionString, bool profile)
    {
        using var commands = profile ? new CommandProfile() : null;
        var handlers = profile ? new HandlerTimes() : null;
        await using var app = new ProductionApp(new ExistingDatabase(provider, connectionString), new Dictionary<string, string?>
        {
            // The defaults of appsettings.json, not the tests' quieter Warning: the server logs what it really logs.
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Waterwheel:WeCom:RunSync"] = "false",
        }, handlers is null ? null : handlers.Wrap);
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        System.Console.WriteLine(ReadyLine + address);
        while (await System.Console.In.ReadLineAsync() is { } line)
        {
            // The parent asks for the figures so far, then resets them, around the measured stretch.
            if (line == "reset") { commands?.Reset(); handlers?.Reset(); }
            if (line == "report") Report(app, commands, handlers);
        }
        return 0;
    }

    /// <summary>The profile, when on, and the warnings and errors the server logged (a handler that failed and was retried says why there).</summary>
    private static void Report(WaterwheelApp app, CommandProfile? commands, HandlerTimes? handlers)
    {
        var w = System.Console.Out;
        commands?.Print(w);
        handlers?.Print(w);
        var warnings = app.Log.Lines.ToList();
        // The summary below cuts lines short; the whole of each, stack traces included, is kept for reading afterwards.
        var whole = Path.Combine(Path.GetTempPath(), "waterwheel-bench-ingest-warnings.log");
        File.WriteAllLines(whole, warnings);
        w.WriteLine($"PROFILE server warnings and errors: {warnings.Count} (all of them in {whole})");
        foreach (var group in warnings.GroupBy(l => l.Length > 90 ? l[..90] : l).Take(5))
        {
            var first = group.First().ReplaceLineEndings(" ");
            w.WriteLine($"PROFILE   {group.Count(),6} x {(first.Length > 300 ? first[..300] : first)}");
        }
        w.Flush();
    }
}

/// <summary>The database the parent created: the parent drops it after reading the figures.</summary>
internal sealed class ExistingDatabase(string provider, string connectionString) : TestDatabase
{
    public override string Provider => provider;
    public override string ConnectionString => connectionString;
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class ProductionApp(TestDatabase database, IDictionary<string, string?> settings, Action<IServiceCollection>? services)
    : WaterwheelApp(database, settings, services)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environments.Production);
    }
}
