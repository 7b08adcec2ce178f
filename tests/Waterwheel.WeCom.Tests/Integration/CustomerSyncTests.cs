using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>A full sync brings every customer and relation from WeCom, pages through cursors, resumes, and reconciles.</summary>
public abstract class CustomerSyncTests(string provider) : IAsyncLifetime
{
    private const int PerGuide = 130; // more than one page (100) per guide
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AppWithSimulator.Start(provider);
        var longAgo = _host.Simulator.State.Now - 3600;
        lock (_host.Simulator.State.Sync)
            foreach (var guide in new[] { "guide.li", "guide.wang" })
                for (var i = 0; i < PerGuide; i++)
                    _host.Corp.Relate(guide, _host.Corp.AddCustomer($"客户{guide}{i}").ExternalUserid, longAgo, addWay: 1, state: "store-SH001");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Guid> Start() => _host.StartSync();

    private Task Drive(Guid run) => _host.DriveSync(run);

    private Task<SyncRun> Run(Guid id) => _host.SyncRun(id);

    [Fact]
    public async Task A_full_sync_stores_every_customer_and_relation_and_a_second_one_changes_nothing()
    {
        var first = await Start();
        await Drive(first);
        var run = await Run(first);
        Assert.Equal(SyncStatus.Succeeded, run.Status);
        Assert.Equal(2 * PerGuide, run.Relations);
        Assert.True(run.Pages >= 3, $"Expected cursor paging over several pages, saw {run.Pages}.");
        Assert.Equal(2 * PerGuide, await _host.Read(db => db.Relations.CountAsync(r => r.Status == RelationStatus.Active)));
        Assert.Equal(2 * PerGuide, await _host.Read(db => db.Contacts.CountAsync()));

        var second = await Start();
        await Drive(second);
        Assert.Equal(SyncStatus.Succeeded, (await Run(second)).Status);
        Assert.Equal(2 * PerGuide, await _host.Read(db => db.Relations.CountAsync()));
        Assert.Equal(2 * PerGuide, await _host.Read(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Only_one_sync_runs_at_a_time()
    {
        await Start();
        var again = await _host.Admin.PostAsync("/api/wecom/sync/customers", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_sync_interrupted_after_a_few_pages_resumes_where_it_stopped()
    {
        var id = await Start();
        // One worker steps through staff and tags and one page of customers, then dies; its progress is in the run's row.
        while ((await Run(id)).Relations == 0)
            await _host.App.InScope(async sp =>
            {
                sp.GetRequiredService<Platform.Tenancy.ActorContext>().UseSystem(_host.TenantId);
                var db = sp.GetRequiredService<Data.WeComDbContext>();
                var run = await db.SyncRuns.SingleAsync(r => r.Id == id);
                var corp = await sp.GetRequiredService<Connections.TenantCorps>().Find(_host.TenantId, CancellationToken.None);
                return await sp.GetRequiredService<SyncRunStep>().Advance(run, corp!, CancellationToken.None);
            });
        var midway = await Run(id);
        Assert.Equal((SyncStatus.Running, SyncPhase.Customers), (midway.Status, midway.Phase));
        Assert.True(midway.Relations < 2 * PerGuide);

        await Drive(id);

        var done = await Run(id);
        Assert.Equal((SyncStatus.Succeeded, SyncPhase.Done), (done.Status, done.Phase));
        Assert.Equal(2 * PerGuide, done.Relations); // carried on from its page: nothing was read twice
        Assert.Equal(2 * PerGuide, await _host.Read(db => db.Relations.CountAsync(r => r.Status == RelationStatus.Active)));
    }

    [Fact]
    public async Task A_relation_removed_while_callbacks_were_missed_is_ended_by_the_next_sync()
    {
        await Drive(await Start());
        string gone;
        lock (_host.Simulator.State.Sync)
        {
            var follow = _host.Corp.Follows[0];
            gone = follow.ExternalUserid;
            _host.Corp.Follows.Remove(follow); // changed in WeCom with no callback reaching us
        }

        var reconcile = await Start();
        await Drive(reconcile);

        Assert.Equal(1, (await Run(reconcile)).Ended);
        var relation = await _host.Read(db => db.Relations.AsNoTracking().SingleAsync(r => r.ExternalUserId == gone));
        Assert.Equal(RelationStatus.NotFoundAtSync, relation.Status);
    }
}

public sealed class CustomerSyncSqlite() : CustomerSyncTests("sqlite");

public sealed class CustomerSyncPostgres() : CustomerSyncTests("postgres");
