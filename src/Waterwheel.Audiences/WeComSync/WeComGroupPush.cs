using Microsoft.Extensions.Logging;
using Waterwheel.Audiences.Tags;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Audiences.WeComSync;

/// <summary>
/// Makes WeCom hold a synced group and its tags as they are here: the group is made with its first tag (WeCom keeps no
/// empty group), tags without a WeCom id are made, and names that differ are changed. The WeCom ids are kept here, so a
/// retried message finds the work done. A name WeCom holds already is adopted rather than duplicated.
/// </summary>
internal sealed class WeComGroupPush(AudiencesDbContext db, IWeComTags wecom, ILogger<WeComGroupPush> log) : IIntegrationEventHandler<WeComGroupWanted>
{
    public async Task Handle(WeComGroupWanted wanted, CancellationToken ct)
    {
        var group = await db.TagGroups.FirstOrDefaultAsync(g => g.Id == wanted.GroupId, ct);
        if (group is not { SyncToWeCom: true }) return;
        var tags = await db.Tags.Where(t => t.GroupId == group.Id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var inWeCom = await wecom.Groups(wanted.TenantId, ct);
        var twin = inWeCom.FirstOrDefault(g => g.GroupId == group.WeComGroupId) ?? inWeCom.FirstOrDefault(g => g.Name == group.Name);
        if (twin is null)
        {
            if (tags.Count == 0) return;
            var made = await wecom.CreateGroup(wanted.TenantId, group.Name, tags.Select(t => new NewWeComTag(t.Name)).ToList(), null, ct);
            if (!Succeeded(made)) return;
            twin = made.Value!;
        }
        else if (twin.Name != group.Name && !Succeeded(await wecom.EditGroup(wanted.TenantId, twin.GroupId, group.Name, null, ct))) return;
        group.WeComGroupId = twin.GroupId;

        var missing = tags.Where(t => twin.Tags.All(w => w.TagId != t.WeComTagId && w.Name != t.Name)).ToList();
        var known = twin.Tags.ToList();
        if (missing.Count > 0)
        {
            var made = await wecom.CreateTags(wanted.TenantId, twin.GroupId, missing.Select(t => new NewWeComTag(t.Name)).ToList(), ct);
            if (Succeeded(made)) known.AddRange(made.Value!);
        }
        foreach (var tag in tags)
        {
            var match = known.FirstOrDefault(w => w.TagId == tag.WeComTagId) ?? known.FirstOrDefault(w => w.Name == tag.Name);
            if (match is null) continue;
            tag.WeComTagId = match.TagId;
            if (match.Name != tag.Name) Succeeded(await wecom.EditTag(wanted.TenantId, match.TagId, tag.Name, null, ct));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether to go on; throws for what a retry may mend, so the inbox tries the message again.</summary>
    private bool Succeeded(WeComTagOutcome outcome)
    {
        if (outcome.IsDone) return true;
        if (outcome.Retryable) throw new WeComPushException(outcome);
        if (outcome.Status != WeComTagStatus.NotConnected) log.LogWarning("WeCom refused a tag group change ({Status}): {Error}", outcome.Status, outcome.Error);
        return false;
    }
}

/// <summary>A synced tag deleted here goes from WeCom; one WeCom no longer has needs nothing.</summary>
internal sealed class WeComTagDeletionPush(IWeComTags wecom) : IIntegrationEventHandler<WeComTagDeletionWanted>
{
    public async Task Handle(WeComTagDeletionWanted wanted, CancellationToken ct)
    {
        var outcome = await wecom.DeleteTags(wanted.TenantId, [wanted.WeComTagId], ct);
        if (!outcome.IsDone && outcome.Retryable) throw new WeComPushException(outcome);
    }
}
