using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Groups;

namespace Waterwheel.WeCom.Sync;

/// <summary>
/// The groups phase: groupchat/list filtered by owner in chunks of 100 staff (WeCom answers 81017 to an unfiltered list
/// in a large corp), cursor paging, then groupchat/get for every group on the page.
/// </summary>
internal sealed class GroupSyncStep(WeComDbContext db, IWeComClient client, GroupRefresh refresh) : ISyncPhaseStep
{
    private const int OwnersPerCall = 100;
    private const int GroupsPerPage = 100;

    public SyncPhase Phase => SyncPhase.Groups;

    public async Task Advance(SyncRun run, TenantCorp corp, CancellationToken ct)
    {
        var owners = run.Staff.Skip(run.Chunk * OwnersPerCall).Take(OwnersPerCall).ToList();
        if (owners.Count == 0)
        {
            run.Enter(SyncPhase.Reconcile);
            await db.SaveChangesAsync(ct);
            return;
        }

        var page = await client.ListGroupChats(corp.App, new ListGroupChatsRequest(GroupsPerPage, 0, new OwnerFilter(owners), run.Cursor), ct);
        if (!page.IsSuccess) throw new WeComCallFailed(page.Error!);
        foreach (var listed in page.Value!.GroupChatList.Where(g => g.ChatId.Length > 0))
        {
            // A group dismissed between the list and the read comes back null or dismissed; either way it was seen.
            if (await refresh.Refresh(corp, listed.ChatId, ct) is { } group) group.SeenBySync = run.Id;
            run.Groups++;
        }
        run.Pages++;
        run.Cursor = string.IsNullOrEmpty(page.Value.NextCursor) ? null : page.Value.NextCursor;
        if (run.Cursor is null) run.Chunk++;
        await db.SaveChangesAsync(ct);
    }
}
