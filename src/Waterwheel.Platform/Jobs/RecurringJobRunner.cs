using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Waterwheel.Platform.Jobs;

/// <summary>
/// Offers every registered recurring job to the cluster on its interval. A job runs only under its cluster lock, so
/// two nodes never run it at once; a node that dies mid-run releases the lock with its connection.
/// </summary>
internal sealed class RecurringJobRunner(
    IEnumerable<RecurringJobRegistration> jobs, IServiceScopeFactory scopes, IClusterLock clusterLock, IOptions<RecurringJobOptions> options,
    ILogger<RecurringJobRunner> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunRecurring ? Task.WhenAll(jobs.Select(job => Loop(job, stoppingToken))) : Task.CompletedTask;

    private async Task Loop(RecurringJobRegistration job, CancellationToken stoppingToken)
    {
        // The first offer comes soon after start (a node that restarts often must still sweep), spread so that nodes
        // started together do not all ask at once. Pacing is machine time, not the business clock.
        var wait = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(job.Interval.TotalMilliseconds, 30_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, stoppingToken);
                await RunOnce(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Recurring job {Job} failed", job.Name);
            }
            wait = job.Interval;
        }
    }

    /// <summary>Runs the job if no other node is running it; false when another holds it.</summary>
    public async Task<bool> RunOnce(RecurringJobRegistration job, CancellationToken ct)
    {
        await using var held = await clusterLock.TryAcquire("job:" + job.Name, ct);
        if (held is null) return false;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, held.Lost);
        await using var scope = scopes.CreateAsyncScope();
        await ((IRecurringJob)scope.ServiceProvider.GetRequiredService(job.JobType)).Run(linked.Token);
        return true;
    }
}
