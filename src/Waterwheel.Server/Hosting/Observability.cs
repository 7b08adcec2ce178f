using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;

namespace Waterwheel.Server.Hosting;

/// <summary>
/// Structured logs (Serilog) and OpenTelemetry metrics and traces. <c>Waterwheel:Telemetry:Exporter</c> chooses
/// where they go: <c>none</c> (default), <c>console</c> or <c>otlp</c> (endpoint from the standard OTEL_ variables).
/// </summary>
internal static class Observability
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        // A host embedded elsewhere (a test) turns the console off and receives the events through its own logger providers.
        // Each host keeps its own logger rather than Serilog's static one: with several hosts in one process (tests run
        // side by side) the static logger is the last host's, and every host's lines would land in that host's log.
        var console = builder.Configuration.GetValue("Waterwheel:Logging:Console", true);
        builder.Services.AddSerilog((services, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
            if (console) log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        }, preserveStaticLogger: true, writeToProviders: !console);

        var exporter = builder.Configuration["Waterwheel:Telemetry:Exporter"] ?? "none";
        if (exporter.Equals("none", StringComparison.OrdinalIgnoreCase)) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("waterwheel"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter("Waterwheel.*");
                if (exporter.Equals("otlp", StringComparison.OrdinalIgnoreCase)) m.AddOtlpExporter(); else m.AddConsoleExporter();
            })
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Npgsql").AddSource("Waterwheel.*");
                if (exporter.Equals("otlp", StringComparison.OrdinalIgnoreCase)) t.AddOtlpExporter(); else t.AddConsoleExporter();
            });
        return builder;
    }
}
