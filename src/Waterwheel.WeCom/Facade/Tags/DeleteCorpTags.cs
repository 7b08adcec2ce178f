using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>del_corp_tag for another module; the stored tags are marked deleted and come off the stored customers, as in WeCom.</summary>
internal sealed class DeleteCorpTags(TenantCorps corps, IWeComClient client, CorpTagMirror mirror)
{
    public async Task<WeComTagOutcome> Handle(Guid tenantId, IReadOnlyList<string> tagIds, IReadOnlyList<string> groupIds, CancellationToken ct)
    {
        var tags = tagIds.Where(t => !string.IsNullOrEmpty(t)).Distinct().ToList();
        var groups = groupIds.Where(g => !string.IsNullOrEmpty(g)).Distinct().ToList();
        if (tags.Count + groups.Count == 0) return TagOutcomes.Invalid("NothingToDelete");
        if (await corps.Find(tenantId, ct) is not { } corp) return TagOutcomes.NotConnected;

        var deleted = await client.DeleteCorpTag(corp.App, tags, groups, ct);
        if (!deleted.IsSuccess) return TagOutcomes.From(deleted.Error!);
        await mirror.Deleted(tags, groups, ct);
        await mirror.Save(ct);
        return TagOutcomes.Done;
    }
}
