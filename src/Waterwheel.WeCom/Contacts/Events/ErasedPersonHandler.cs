using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Contacts.Events;

/// <summary>
/// Forgets an erased person's WeCom contact: name, avatar, unionid and company go, as do the staff's remarks about them.
/// The relationships' dates and statuses stay, anonymous, for the counts. If the person adds a guide again, WeCom tells
/// us who they are again.
/// </summary>
internal sealed class ErasedPersonHandler(WeComDbContext db, TimeProvider time) : IIntegrationEventHandler<PersonErased>
{
    public async Task Handle(PersonErased erased, CancellationToken ct)
    {
        var ids = erased.Identifiers.Where(i => i.Kind == PersonErased.WeComExternalUserId).Select(i => i.Value).ToList();
        if (ids.Count == 0) return;
        foreach (var contact in await db.Contacts.Where(c => ids.Contains(c.ExternalUserId)).ToListAsync(ct))
        {
            (contact.Name, contact.Avatar, contact.UnionId, contact.CorpName, contact.Gender) = ("", null, null, null, 0);
            contact.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }
        foreach (var relation in await db.Relations.Where(r => ids.Contains(r.ExternalUserId)).ToListAsync(ct)) relation.Remark = "";
        await db.SaveChangesAsync(ct);
    }
}
