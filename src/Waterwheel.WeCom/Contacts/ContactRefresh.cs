using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// Reads a customer from WeCom (externalcontact/get, every page) and brings the stored contact, one relation and its
/// tags up to date. Events carry only ids, so every add or edit re-reads the source of truth.
/// </summary>
internal sealed class ContactRefresh(
    WeComDbContext db, RemoteContacts remote, Tags.CustomerTags tags, Tags.CorpTagRefresh corpTags, TimeProvider time, ILogger<ContactRefresh> log)
{
    /// <summary>
    /// The relation as WeCom now lists it, or null when WeCom does not list the staff member among the customer's
    /// follow users (say, the customer deleted them before this event was handled): then no relation is made up, and
    /// the stored one, if any, is left for the delete event or the next sync to end.
    /// </summary>
    public async Task<FollowRelation?> Relation(TenantCorp corp, string externalUserId, string userId, CancellationToken ct)
    {
        var fetched = await remote.Get(corp.App, externalUserId, ct);
        if (!fetched.IsSuccess) throw new WeComCallFailed(fetched.Error!);
        var now = time.GetUtcNow().UtcDateTime;

        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.ExternalUserId == externalUserId, ct);
        if (contact is null)
        {
            contact = new ExternalContact { TenantId = corp.TenantId, ExternalUserId = externalUserId, FirstSeenAt = now };
            db.Contacts.Add(contact);
        }
        if (fetched.Value!.Contact is { } c) contact.CopyFrom(c, now);

        if (fetched.Value.FollowUser(userId) is not { } follow)
        {
            log.LogInformation("WeCom does not list {StaffUserId} among the follow users of {ExternalUserId}; no relation is stored", userId, externalUserId);
            return null;
        }
        var relation = await db.Relations.FirstOrDefaultAsync(r => r.ExternalUserId == externalUserId && r.StaffUserId == userId, ct);
        if (relation is null)
        {
            relation = new FollowRelation { TenantId = corp.TenantId, ExternalUserId = externalUserId, StaffUserId = userId };
            db.Relations.Add(relation);
        }
        relation.Remark = follow.Remark ?? "";
        relation.State = follow.State ?? relation.State;
        relation.AddWay = follow.AddWay;
        var addedAt = DateTimeOffset.FromUnixTimeSeconds(follow.Createtime).UtcDateTime;
        // Re-added after a removal: a new relationship, and a new welcome is due.
        if (relation.Status != RelationStatus.Active && addedAt > (relation.EndedAt ?? DateTime.MinValue)) relation.WelcomeSentAt = null;
        relation.AddedAt = addedAt;
        relation.Status = RelationStatus.Active;
        relation.EndedAt = null;
        await KnowCorpTags(corp, externalUserId, follow.Tags.Where(t => t.Type != PersonalTag).Select(t => t.TagId), ct);
        await tags.Replace(corp.TenantId, externalUserId, userId, follow.Tags.Select(t => t.TagId), Contracts.CustomerTagsCause.ChangedInWeCom, ct);
        return relation;
    }

    // 2 marks a member's personal tag: not a corp tag, and get_corp_tag_list does not know it.
    private const int PersonalTag = 2;

    /// <summary>
    /// A guide may use a corp tag whose own callback has not been handled yet. Reading it now, in this unit of work,
    /// means every tag id that other modules hear of on a customer is one the tag façade can already describe.
    /// </summary>
    private async Task KnowCorpTags(TenantCorp corp, string externalUserId, IEnumerable<string?> tagIds, CancellationToken ct)
    {
        var ids = tagIds.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct().ToList();
        if (ids.Count == 0) return;
        var known = await db.Tags.Where(t => ids.Contains(t.TagId)).Select(t => t.TagId).ToListAsync(ct);
        try
        {
            foreach (var id in ids.Except(known))
                // A refresh of the tag's group may have stored this one already, unsaved.
                if (!db.Tags.Local.Any(t => t.TagId == id)) await corpTags.Tag(corp, id, ct);
        }
        catch (WeComCallFailed e)
        {
            // The customer's own change still counts; the tag's callback or the next sync will describe the tag.
            log.LogWarning("Could not read corp tags used on {ExternalUserId}: {Error}", externalUserId, e.Error);
        }
    }
}

/// <summary>A WeCom call failed; thrown inside an inbox handler so the message is retried with back-off.</summary>
internal sealed class WeComCallFailed(Client.WeComError error) : Exception(error.ToString())
{
    public Client.WeComError Error { get; } = error;
}
