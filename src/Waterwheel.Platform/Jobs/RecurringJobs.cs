using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Jobs;

/// <summary>
/// A piece of housekeeping that the cluster runs every <see cref="RecurringJobRegistration.Interval"/>: a sweep, a
/// clean-up, the scheduling of a daily reconciliation. Every node offers to run it; a cluster lock lets one at a time
/// through, so a job must be idempotent (two nodes may run it one after the other) rather than exclusive by timing.
/// </summary>
public interface IRecurringJob
{
    Task Run(CancellationToken ct);
}

public sealed record RecurringJobRegistration(string Name, TimeSpan Interval, Type JobType);

/// <summary><c>Waterwheel:Jobs</c>.</summary>
public sealed class RecurringJobOptions
{
    public const string Section = "Waterwheel:Jobs";

    /// <summary>Off only in tests that run a job by hand.</summary>
    public bool RunRecurring { get; set; } = true;
}

public static class RecurringJobRegistrations
{
    /// <summary>Runs <typeparamref name="TJob"/> (resolved in a fresh scope each time) about every <paramref name="interval"/>, once at a time per cluster.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobRegistration(name, interval, typeof(TJob)));
        return services;
    }
}
