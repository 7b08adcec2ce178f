using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Data;

namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>
/// Makes two requests race for real: once armed, each save that writes to the armed table waits until
/// <c>writers</c> of them are waiting, then all go at once, after every one of them has read the same row.
/// </summary>
public sealed class RacingWrites : SaveChangesInterceptor
{
    private readonly object _gate = new();
    private int _waiting;
    private int _writers;
    private string _table = "";
    private TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Arm(string table, int writers = 2)
    {
        lock (_gate) (_table, _writers, _waiting, _go) = (table, writers, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Adds the interceptor to the Platform context of either provider.</summary>
    public void Register(IServiceCollection services)
    {
        services.ConfigureDbContext<SqlitePlatformDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresPlatformDbContext>(o => o.AddInterceptors(this));
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        // Before the save opens its transaction: SQLite takes its write lock at BEGIN, which would queue the rival.
        var table = _table;
        if (table.Length > 0 && eventData.Context!.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified
                && e.Metadata.GetTableName() is { } name && (name == table || name.EndsWith("_" + table, StringComparison.Ordinal))))
            await Hold();
        return result;
    }

    private async Task Hold()
    {
        Task go;
        lock (_gate)
        {
            if (_writers == 0) return;
            go = _go.Task;
            if (++_waiting == _writers)
            {
                _writers = 0;
                _go.TrySetResult();
            }
        }
        // A request that never meets its rival still finishes, so a failing test fails instead of hanging.
        await go.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
    }
}
