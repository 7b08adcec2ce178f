using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom.Tags;

/// <summary>The corp tags phase: one get_corp_tag_list call returns every group and tag.</summary>
internal sealed class CorpTagSyncStep(WeComDbContext db, CorpTagRefresh refresh) : ISyncPhaseStep
{
    public SyncPhase Phase => SyncPhase.CorpTags;

    public async Task Advance(SyncRun run, TenantCorp corp, CancellationToken ct)
    {
        run.Tags = await refresh.All(corp, ct);
        run.Pages++;
        run.Enter(SyncPhase.Customers);
        await db.SaveChangesAsync(ct);
    }
}
