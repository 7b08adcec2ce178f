using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// Reads a customer from WeCom (externalcontact/get) and brings the stored contact, one relation and its tags up to date.
/// Events carry only ids, so every add or edit re-reads the source of truth.
/// </summary>
internal sealed class ContactRefresh(WeComDbContext db, IWeComClient client, Tags.CustomerTags tags, TimeProvider time)
{
    public async Task<FollowRelation> Relation(TenantCorp corp, string externalUserId, string userId, CancellationToken ct)
    {
        var fetched = await client.GetExternalContact(corp.App, externalUserId, ct: ct);
        if (!fetched.IsSuccess) throw new WeComCallFailed(fetched.Error!);
        var now = time.GetUtcNow().UtcDateTime;
        var remote = fetched.Value!;

        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.ExternalUserId == externalUserId, ct);
        if (contact is null)
        {
            contact = new ExternalContact { TenantId = corp.TenantId, ExternalUserId = externalUserId, FirstSeenAt = now };
            db.Contacts.Add(contact);
        }
        if (remote.ExternalContact is { } c) contact.CopyFrom(c, now);

        var relation = await db.Relations.FirstOrDefaultAsync(r => r.ExternalUserId == externalUserId && r.StaffUserId == userId, ct);
        if (relation is null)
        {
            relation = new FollowRelation { TenantId = corp.TenantId, ExternalUserId = externalUserId, StaffUserId = userId };
            db.Relations.Add(relation);
        }
        var follow = remote.FollowUser.FirstOrDefault(f => f.Userid == userId);
        if (follow is not null)
        {
            relation.Remark = follow.Remark ?? "";
            relation.State = follow.State ?? relation.State;
            relation.AddWay = follow.AddWay;
            var addedAt = DateTimeOffset.FromUnixTimeSeconds(follow.Createtime).UtcDateTime;
            // Re-added after a removal: a new relationship, and a new welcome is due.
            if (relation.Status != RelationStatus.Active && addedAt > (relation.EndedAt ?? DateTime.MinValue)) relation.WelcomeSentAt = null;
            relation.AddedAt = addedAt;
            relation.Status = RelationStatus.Active;
            relation.EndedAt = null;
            await tags.Replace(corp.TenantId, externalUserId, userId, follow.Tags.Select(t => t.TagId), ct);
        }
        return relation;
    }
}

/// <summary>A WeCom call failed; thrown inside an inbox handler so the message is retried with back-off.</summary>
internal sealed class WeComCallFailed(WeComError error) : Exception(error.ToString())
{
    public WeComError Error { get; } = error;
}
