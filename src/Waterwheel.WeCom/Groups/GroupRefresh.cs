using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;

namespace Waterwheel.WeCom.Groups;

/// <summary>
/// Reads a customer group from WeCom (groupchat/get) and makes the stored group and its memberships match it: members
/// WeCom lists are in, the rest have left. Used on create, on an update we cannot apply as a delta, and by full sync.
/// </summary>
internal sealed class GroupRefresh(WeComDbContext db, IWeComClient client, TimeProvider time)
{
    /// <summary>WeCom's "chat_id does not exist": the group is gone, which for us means dismissed.</summary>
    private const int NoSuchGroup = 40050;

    /// <summary>Returns the stored group, or null when WeCom no longer has it and we never stored it.</summary>
    public async Task<CustomerGroup?> Refresh(TenantCorp corp, string chatId, CancellationToken ct)
    {
        var fetched = await client.GetGroupChat(corp.App, chatId, ct: ct);
        var group = await Find(chatId, ct);
        if (!fetched.IsSuccess && fetched.Error!.ErrCode == NoSuchGroup)
        {
            if (group is not null) MarkEnded(group, GroupStatus.Dismissed);
            return group;
        }
        if (!fetched.IsSuccess) throw new WeComCallFailed(fetched.Error!);
        var remote = fetched.Value!.GroupChat ?? throw new WeComCallFailed(Missing(chatId));
        if (group is null)
        {
            group = new CustomerGroup { TenantId = corp.TenantId, ChatId = chatId };
            db.Groups.Add(group);
        }
        // A dismiss we already applied wins over a read that lagged behind it.
        if (group.Status == GroupStatus.Dismissed) return group;
        group.Name = remote.Name ?? "";
        group.OwnerUserId = remote.Owner ?? "";
        group.Notice = remote.Notice ?? "";
        group.CreatedAt = DateTimeOffset.FromUnixTimeSeconds(remote.CreateTime).UtcDateTime;
        group.MemberVersion = remote.MemberVersion;
        group.Status = GroupStatus.Active;
        group.EndedAt = null;
        group.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await ReplaceMembers(corp.TenantId, group, remote.MemberList, ct);
        return group;
    }

    public Task<CustomerGroup?> Find(string chatId, CancellationToken ct) =>
        db.Groups.FirstOrDefaultAsync(g => g.ChatId == chatId, ct);

    public void MarkEnded(CustomerGroup group, GroupStatus status)
    {
        if (group.Status != GroupStatus.Active) return;
        var now = time.GetUtcNow().UtcDateTime;
        group.Status = status;
        group.EndedAt = now;
        group.UpdatedAt = now;
    }

    private async Task ReplaceMembers(Guid tenantId, CustomerGroup group, List<GroupMember> remote, CancellationToken ct)
    {
        var stored = await db.GroupMembers.Where(m => m.ChatId == group.ChatId).ToDictionaryAsync(m => m.MemberId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var member in remote.Where(m => m.Userid.Length > 0).DistinctBy(m => m.Userid))
        {
            if (!stored.Remove(member.Userid, out var row))
            {
                row = new GroupMembership { TenantId = tenantId, ChatId = group.ChatId, MemberId = member.Userid };
                db.GroupMembers.Add(row);
            }
            row.Type = member.Type == 1 ? GroupMemberType.Staff : GroupMemberType.Customer;
            row.JoinedAt = DateTimeOffset.FromUnixTimeSeconds(member.JoinTime).UtcDateTime;
            row.JoinScene = member.JoinScene;
            row.InvitorUserId = member.Invitor?.Userid is { Length: > 0 } invitor ? invitor : null;
            row.State = member.State;
            row.LeftAt = null;
            row.QuitScene = null;
        }
        // Whoever WeCom no longer lists has left; how is unknown because the event that said so was missed.
        foreach (var gone in stored.Values.Where(m => m.LeftAt is null)) gone.LeftAt = now;
        group.MemberCount = remote.Select(m => m.Userid).Where(u => u.Length > 0).Distinct().Count();
    }

    private static WeComError Missing(string chatId) =>
        new(WeComErrorKind.Data, null, "", $"groupchat/get answered without group_chat for {chatId}.", "externalcontact/groupchat/get");
}
