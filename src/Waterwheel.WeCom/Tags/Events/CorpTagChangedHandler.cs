using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Tags.Events;

/// <summary>
/// change_external_tag: a tag or tag group was created, renamed, reordered or deleted in WeCom. The event carries only
/// the id, so the affected group is read again; a shuffle can move any of them, so it reads everything.
/// </summary>
internal sealed class CorpTagChangedHandler(WeComDbContext db, CorpTagRefresh refresh) : WeComEventHandler<ExternalTagChanged>
{
    private const string Shuffle = "shuffle";

    protected override async Task Handle(ExternalTagChanged changed, TenantCorp corp, CancellationToken ct)
    {
        if (changed.Header.ChangeType == Shuffle || string.IsNullOrEmpty(changed.Id)) await refresh.All(corp, ct);
        else if (changed.TagType == ExternalTagChanged.TagGroup) await refresh.Group(corp, changed.Id, ct);
        else if (changed.TagType == ExternalTagChanged.Tag) await refresh.Tag(corp, changed.Id, ct);
        else return;
        await db.SaveChangesAsync(ct);
    }
}
