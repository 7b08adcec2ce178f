using Waterwheel.Audiences.Contracts;
using Waterwheel.Audiences.Members;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Tags;

/// <summary>
/// The Audiences answer to <see cref="ICustomerTagging"/>: the tags are given as an operator's would be, with the
/// caller's cause, so that every node's index and the customer's tag list hear of them.
/// </summary>
internal sealed class CustomerTagging(AudiencesDbContext db, ICustomerFacts facts, MemberLookup members, TagWriter writer) : ICustomerTagging
{
    private const int TaggedByLength = 100;

    public async Task<IReadOnlyList<TagChoice>> Tags(CancellationToken ct) =>
        await (from tag in db.Tags.AsNoTracking()
               join grp in db.TagGroups.AsNoTracking() on tag.GroupId equals grp.Id
               orderby grp.Name, tag.Name
               select new TagChoice(tag.Id, tag.Name, grp.Id, grp.Name)).ToListAsync(ct);

    public async Task<TaggingOutcome> TagWeComContact(string externalUserId, IReadOnlyList<Guid> tagIds, TaggingCause cause, string detail, CancellationToken ct)
    {
        var ids = tagIds.Distinct().ToList();
        var tags = await db.Tags.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (tags.Count == 0) return TaggingOutcome.NoSuchTags;
        if (await facts.ProfileOfWeComContact(externalUserId, ct) is not { } profileId) return TaggingOutcome.CustomerNotYetKnown;
        var member = await members.Find(profileId, ct);
        if (member is null) return TaggingOutcome.CustomerNotYetKnown;
        // A tag held already keeps its first cause: a retried call, or a code's tag a guide gave by hand before, changes nothing.
        var held = await db.CustomerTags.AsNoTracking().Where(t => t.ProfileId == profileId && ids.Contains(t.TagId)).Select(t => t.TagId).ToListAsync(ct);
        var reason = cause == TaggingCause.Rule ? TagCause.Rule : TagCause.Channel;
        foreach (var tag in tags.Where(t => !held.Contains(t.Id)))
            await writer.Give(tag, [member], reason, detail.Length > TaggedByLength ? detail[..TaggedByLength] : detail, ct);
        return TaggingOutcome.Tagged;
    }
}
