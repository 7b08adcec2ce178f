using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Data;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>The daily reconciliation starts once a day per connected tenant, never beside a running sync.</summary>
public abstract class ReconciliationScheduleTests(string provider)
{
    [Fact]
    public async Task A_connected_tenant_gets_one_reconciliation_a_day_and_none_beside_a_running_sync()
    {
        await using var host = await AppWithSimulator.Start(provider);
        Task Schedule() => host.App.InScope(async sp =>
        {
            await ActivatorUtilities.CreateInstance<ReconciliationSchedule>(sp).Run(CancellationToken.None);
            return 0;
        });
        Task<List<SyncRun>> Runs() => host.Read(db => db.SyncRuns.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync());

        await Schedule();
        await Schedule();                       // a second node asking a moment later: nothing more
        var first = Assert.Single(await Runs());
        Assert.Equal("scheduled", first.RequestedBy);

        host.Time.Advance(TimeSpan.FromHours(25));
        await Schedule();                       // still running a day later: no second run beside it
        Assert.Single(await Runs());

        await host.DriveSync(first.Id);
        await Schedule();
        var runs = await Runs();
        Assert.Equal(2, runs.Count);
        Assert.Equal(SyncStatus.Running, runs[1].Status);
    }
}

public sealed class ReconciliationScheduleSqlite() : ReconciliationScheduleTests("sqlite");

public sealed class ReconciliationSchedulePostgres() : ReconciliationScheduleTests("postgres");
