using Waterwheel.Audiences.Members;
using Waterwheel.Audiences.Tags;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Audiences.WeComSync;

/// <summary>
/// A guide tagged or untagged a customer in WeCom (or a sync found that they had): the customer's WeCom tags follow.
/// A contact no profile holds yet needs nothing now: the Customers module takes the add in on its own, and the member it
/// then makes here reads the customer's WeCom tags as they stand (<see cref="CustomerWeComTags"/>). Waiting for it here
/// would hold back, in the same inbox partition, the very message that makes the profile.
/// </summary>
internal sealed class CustomerWeComTagsIntake(ICustomerFacts facts, MemberLookup lookup, CustomerWeComTags tags) : IIntegrationEventHandler<CustomerTagsChanged>
{
    public async Task Handle(CustomerTagsChanged changed, CancellationToken ct)
    {
        if (await facts.ProfileOfWeComContact(changed.ExternalUserId, ct) is not { } profileId) return;
        if (await lookup.Find(profileId, ct) is not { } member) return;
        await tags.Follow(changed.TenantId, member, changed.Names, changed.StaffUserId, ct);
    }
}

/// <summary>
/// Makes a customer's WeCom tags here what WeCom holds. WeCom keeps corp tags per relationship; here a customer holds a
/// tag once, so their WeCom tags are the union over every active relationship of every contact the profile holds, read
/// through the WeCom façade as they stand now: events handled twice, late or out of order still end with what WeCom
/// holds. Only tags WeCom gave are taken away by WeCom: one given here for another cause (by hand, a rule, a channel)
/// stays until it is taken here.
/// </summary>
internal sealed class CustomerWeComTags(AudiencesDbContext db, ICustomerFacts facts, IWeComTags wecom, WeComTagMirror mirror, TagWriter writer)
{
    public async Task Follow(Guid tenantId, Member member, IReadOnlyList<WeComTagName> names, string by, CancellationToken ct)
    {
        // A new customer is followed twice at once (their profile's event and their tags' event reach this module on
        // two partitions): the loser of a unique race reads again and finds the work done, rather than failing and
        // holding back the customer's partition, which WeCom's own callbacks for them share.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FollowOnce(tenantId, member, names, by, ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 5 && DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 30) * attempt), ct);
            }
        }
    }

    private async Task FollowOnce(Guid tenantId, Member member, IReadOnlyList<WeComTagName> names, string by, CancellationToken ct)
    {
        var inWeCom = new HashSet<string>();
        foreach (var contact in await facts.WeComContacts(member.ProfileId, ct))
            inWeCom.UnionWith((await wecom.CustomerTags(tenantId, contact, ct)).SelectMany(r => r.TagIds));
        var wanted = new Dictionary<Guid, Tag>();
        foreach (var weComTagId in inWeCom)
        {
            var tag = await Local(tenantId, names, weComTagId, ct);
            wanted[tag.Id] = tag;
        }

        var held = await (from h in db.CustomerTags.AsNoTracking()
                          join t in db.Tags.AsNoTracking() on h.TagId equals t.Id
                          where h.ProfileId == member.ProfileId && t.WeComTagId != null
                          select h).ToListAsync(ct);
        foreach (var tag in wanted.Values.Where(t => held.All(h => h.TagId != t.Id)))
            await writer.Give(tag, [member], TagCause.WeCom, by, ct);
        foreach (var gone in held.Where(h => !wanted.ContainsKey(h.TagId) && h.Cause == TagCause.WeCom))
            await writer.Take(gone.TagId, [member], ct, toWeCom: false, TagChangeCause.WeCom, by);
    }

    /// <summary>
    /// The local tag of a WeCom tag. One not mirrored yet (its own event still on its way) is made from the names the
    /// event carries, or else from the corp's tags as the WeCom module last read them; one nobody can name yet (the WeCom
    /// module has not read its group) is thrown for, so the inbox tries again once it has, and no tag is silently lost.
    /// </summary>
    private async Task<Tag> Local(Guid tenantId, IReadOnlyList<WeComTagName> names, string weComTagId, CancellationToken ct)
    {
        if (await mirror.Find(weComTagId, ct) is { } known) return known;
        if (names.FirstOrDefault(n => n.TagId == weComTagId) is { Name.Length: > 0 } name)
            return await mirror.Tag(tenantId, weComTagId, name.GroupId, name.GroupName, name.Name, ct);
        foreach (var group in await wecom.Groups(tenantId, ct))
            if (group.Tags.FirstOrDefault(t => t.TagId == weComTagId) is { } tag)
                return await mirror.Tag(tenantId, weComTagId, group.GroupId, group.Name, tag.Name, ct);
        throw new NotYetKnownException($"WeCom tag {weComTagId} is not known to the WeCom module yet.");
    }
}
