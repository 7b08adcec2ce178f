using Waterwheel.Audiences.Members;
using Waterwheel.Audiences.Tags;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Audiences.WeComSync;

/// <summary>
/// A guide tagged or untagged a customer in WeCom (or a sync found that they had). WeCom keeps corp tags per
/// relationship; here a customer holds a tag once, so the customer's WeCom tags are the union over their active
/// relationships, read through the WeCom façade as they stand now: events handled twice, late or out of order still end
/// with what WeCom holds. Only tags WeCom gave are taken away by WeCom: one given here for another cause (by hand, a
/// rule, a channel) stays until it is taken here.
/// </summary>
internal sealed class CustomerWeComTagsIntake(AudiencesDbContext db, ICustomerFacts facts, IWeComTags wecom, WeComTagMirror mirror, MemberLookup lookup,
    TagWriter writer) : IIntegrationEventHandler<CustomerTagsChanged>
{
    public async Task Handle(CustomerTagsChanged changed, CancellationToken ct)
    {
        var profileId = await facts.ProfileOfWeComContact(changed.ExternalUserId, ct);
        if (profileId is null)
        {
            // The Customers module takes the same add in on its own; until it has, there is no one to tag. Thrown so the
            // inbox tries again shortly. A relationship that ended with nothing left to take needs no one.
            if (changed.Cause == CustomerTagsCause.RelationEnded) return;
            throw new NotYetKnownException($"No profile holds WeCom contact {changed.ExternalUserId} yet.");
        }
        var member = await lookup.Find(profileId.Value, ct) ?? throw new NotYetKnownException($"Profile {profileId} is not a member yet.");

        var inWeCom = (await wecom.CustomerTags(changed.TenantId, changed.ExternalUserId, ct)).SelectMany(r => r.TagIds).ToHashSet();
        var wanted = new Dictionary<Guid, Tag>();
        foreach (var weComTagId in inWeCom)
            if (await Local(changed, weComTagId, ct) is { } tag) wanted[tag.Id] = tag;

        var held = await (from h in db.CustomerTags.AsNoTracking()
                          join t in db.Tags.AsNoTracking() on h.TagId equals t.Id
                          where h.ProfileId == member.ProfileId && t.WeComTagId != null
                          select h).ToListAsync(ct);
        foreach (var tag in wanted.Values.Where(t => held.All(h => h.TagId != t.Id)))
            await writer.Give(tag, [member], TagCause.WeCom, changed.StaffUserId, ct);
        foreach (var gone in held.Where(h => !wanted.ContainsKey(h.TagId) && h.Cause == TagCause.WeCom))
            await writer.Take(gone.TagId, [member], ct, toWeCom: false);
    }

    /// <summary>The local tag of a WeCom tag; one not mirrored yet (its own event still on its way) is made from the names the event carries.</summary>
    private async Task<Tag?> Local(CustomerTagsChanged changed, string weComTagId, CancellationToken ct)
    {
        if (await mirror.Find(weComTagId, ct) is { } known) return known;
        if (changed.Names.FirstOrDefault(n => n.TagId == weComTagId) is not { Name.Length: > 0 } name) return null;
        return await mirror.Tag(changed.TenantId, weComTagId, name.GroupId, name.GroupName, name.Name, ct);
    }
}
