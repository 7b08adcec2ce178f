using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Data;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// A sync page that collides with a callback storing the same new contact is redone; any other failure ends the run
/// as failed, recorded in a unit of work of its own: a run never stays "running" by accident.
/// </summary>
public abstract class SyncRaceTests(string provider)
{
    [Fact]
    public async Task A_page_that_loses_a_unique_race_is_redone_and_the_run_succeeds()
    {
        var step = new InterferingStep(fail: false);
        await using var host = await Start(step);
        var run = await host.StartSync();
        await host.DriveSync(run);

        Assert.True(step.Calls >= 2, "The page that lost the race was not done again.");
        var done = await host.SyncRun(run);
        Assert.Equal(SyncStatus.Succeeded, done.Status);
        Assert.Equal(1, await host.Read(db => db.Relations.CountAsync(r => r.ExternalUserId == InterferingStep.Racer)));
    }

    [Fact]
    public async Task A_step_that_fails_with_unsaved_changes_still_ends_its_run_as_failed()
    {
        var step = new InterferingStep(fail: true);
        await using var host = await Start(step);
        var run = await host.StartSync();
        await host.DriveSync(run);

        var failed = await host.SyncRun(run);
        Assert.Equal(SyncStatus.Failed, failed.Status);
        Assert.Contains("WeCom refused the page", failed.Error);
        Assert.NotNull(failed.FinishedAt);
    }

    private Task<AppWithSimulator> Start(InterferingStep step) => AppWithSimulator.Start(provider, services =>
        services.AddKeyedScoped<ISyncPhaseStep>(SyncPhase.Customers, (sp, _) =>
            step.Around(ActivatorUtilities.CreateInstance<CustomerSyncStep>(sp), sp)));

    /// <summary>
    /// The customers phase with a callback committing the same relation just before the page saves: the page's unit of
    /// work then holds a duplicate of a stored row. Once; or, when failing, followed by an error from WeCom.
    /// </summary>
    private sealed class InterferingStep(bool fail)
    {
        public const string Racer = "wm-racer";
        /// <summary>How often the customers phase was asked for a page; the first time, a callback interferes.</summary>
        public int Calls;

        public bool Fails => fail;

        public ISyncPhaseStep Around(ISyncPhaseStep inner, IServiceProvider scope) => new Step(this, inner, scope);

        private sealed class Step(InterferingStep owner, ISyncPhaseStep inner, IServiceProvider scope) : ISyncPhaseStep
        {
            public SyncPhase Phase => inner.Phase;

            public async Task Advance(SyncRun run, Connections.TenantCorp corp, CancellationToken ct)
            {
                if (Interlocked.Increment(ref owner.Calls) == 1)
                {
                    await using (var other = scope.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
                    {
                        other.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(run.TenantId, "callback");
                        var callbackDb = other.ServiceProvider.GetRequiredService<WeComDbContext>();
                        callbackDb.Relations.Add(Relation(run.TenantId));
                        await callbackDb.SaveChangesAsync(ct);
                    }
                    scope.GetRequiredService<WeComDbContext>().Relations.Add(Relation(run.TenantId));
                    if (owner.Fails) throw new InvalidOperationException("WeCom refused the page.");
                }
                await inner.Advance(run, corp, ct);
            }
        }

        private static FollowRelation Relation(Guid tenant) => new()
        {
            TenantId = tenant, ExternalUserId = Racer, StaffUserId = "guide.li", Status = RelationStatus.Active, AddedAt = new DateTime(2026, 1, 1),
        };
    }
}

public sealed class SyncRaceSqlite() : SyncRaceTests("sqlite");
public sealed class SyncRacePostgres() : SyncRaceTests("postgres");
