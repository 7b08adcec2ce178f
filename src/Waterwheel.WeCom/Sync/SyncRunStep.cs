using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Sync;

/// <summary>One phase of a full sync; each call does one page of work and checkpoints it in the run.</summary>
internal interface ISyncPhaseStep
{
    SyncPhase Phase { get; }

    Task Advance(SyncRun run, TenantCorp corp, CancellationToken ct);
}

/// <summary>Advances a sync run by one step of its current phase.</summary>
internal sealed class SyncRunStep(IServiceProvider services)
{
    /// <summary>Returns false when the run is finished.</summary>
    public async Task<bool> Advance(SyncRun run, TenantCorp corp, CancellationToken ct)
    {
        if (run.Phase == SyncPhase.Done) return false;
        var step = services.GetRequiredKeyedService<ISyncPhaseStep>(run.Phase);
        await step.Advance(run, corp, ct);
        return run.Phase != SyncPhase.Done;
    }
}

internal static class SyncPhaseRegistration
{
    public static IServiceCollection AddSyncPhase<TStep>(this IServiceCollection services, SyncPhase phase) where TStep : class, ISyncPhaseStep =>
        services.AddKeyedScoped<ISyncPhaseStep, TStep>(phase);
}
