using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>Wakes this node's import worker when a job is started here.</summary>
internal sealed class ImportSignal : WakeSignal;

/// <summary>
/// Every node runs one: it claims a job that is waiting for validation or commit and whose lease is free or lapsed
/// (one conditional update, so two nodes cannot both win), and works on it until it is done. A node that stops gives
/// its lease back; one that dies leaves it to lapse, and another node resumes the job.
/// </summary>
internal sealed class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, TimeProvider time, IOptions<ImportOptions> options, ILogger<ImportWorker> log)
    : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ImportOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSweep = System.Diagnostics.Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lastSweep.Elapsed >= _options.SweepInterval)
                {
                    await Sweep(stoppingToken);
                    lastSweep.Restart();
                }
                if (!_options.RunWorker || !await RunOnce(stoppingToken)) await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Import work failed; trying again after {Interval}", _options.PollInterval);
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Claims and works on one job; false when there was none to claim.</summary>
    public async Task<bool> RunOnce(CancellationToken ct)
    {
        if (await Claim(ct) is not { } claimed) return false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(claimed.TenantId, "import");
            await scope.ServiceProvider.GetRequiredService<ImportRun>().Process(claimed.Id, _owner, ct);
        }
        catch (ImportLeaseLostException)
        {
            log.LogWarning("Import {Job} was taken over by another node", claimed.Id);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Rows are idempotent, so the user may start the commit again; looping on a fault here would help nobody.
            log.LogError(e, "Import {Job} stopped on an unexpected error", claimed.Id);
            await Fail(claimed.Id, "An unexpected error stopped the import; what was committed stays, and committing again resumes it.");
        }
        finally
        {
            await Release(claimed.Id);
        }
        return true;
    }

    private async Task<(Guid Id, Guid TenantId)?> Claim(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var jobs = db.Set<ImportJob>().IgnoreQueryFilters();
        var candidate = await jobs.Where(j => (j.Status == ImportStatus.Validating || j.Status == ImportStatus.Committing) && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt).Select(j => new { j.Id, j.TenantId }).FirstOrDefaultAsync(ct);
        if (candidate is null) return null;
        var until = now + _options.Lease;
        var won = await db.Serialized(() => jobs.Where(j => j.Id == candidate.Id && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, _owner).SetProperty(j => j.LeaseUntil, until), ct), ct);
        if (won == 0) signal.Notify();
        return won == 1 ? (candidate.Id, candidate.TenantId) : null;
    }

    private async Task Sweep(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<ImportFiles>();
        await files.SweepLocal(ct);
        if (await files.ExpireAbandoned(time.GetUtcNow().UtcDateTime, ct) is > 0 and var expired)
            log.LogInformation("Deleted the files of {Count} imports left uncommitted", expired);
    }

    private async Task Fail(Guid jobId, string failure)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        await db.Serialized(() => db.Set<ImportJob>().IgnoreQueryFilters().Where(j => j.Id == jobId && j.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.Failure, failure), CancellationToken.None),
            CancellationToken.None);
    }

    /// <summary>Gives the lease back if the job is still this node's (it stopped part way), so another node need not wait for it to lapse.</summary>
    private async Task Release(Guid jobId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        await db.Serialized(() => db.Set<ImportJob>().IgnoreQueryFilters().Where(j => j.Id == jobId && j.LeaseOwner == _owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTime?)null), CancellationToken.None),
            CancellationToken.None);
    }
}
