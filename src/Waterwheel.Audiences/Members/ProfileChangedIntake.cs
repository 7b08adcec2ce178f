using Waterwheel.Audiences.Tags;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// A profile's facts changed in the Customers module: the member follows, read fresh from the façade, so an event
/// handled twice or after a later one still leaves the member as the profile is now. A profile merged into another
/// hands its tags and their history to the survivor before it retires; an erased one takes them with it. A customer new
/// here takes the tags WeCom holds on them.
/// </summary>
internal sealed class ProfileChangedIntake(AudiencesDbContext db, ICustomerFacts facts, MemberWriter writer, MemberLookup lookup, TagWriter tags,
    WeComSync.CustomerWeComTags weComTags)
    : IIntegrationEventHandler<CustomerProfileChanged>
{
    public async Task Handle(CustomerProfileChanged changed, CancellationToken ct)
    {
        var current = await facts.Find(changed.ProfileId, ct);
        if (current is null && await facts.SurvivorOf(changed.ProfileId, ct) is { } survivor) await HandOver(changed.ProfileId, survivor, ct);
        var catalog = await TenantCatalog.Load(facts, ct);
        var known = await db.Members.AnyAsync(m => m.ProfileId == changed.ProfileId, ct);
        await writer.Write([(changed.ProfileId, current)], catalog, ct);
        // A customer new here may carry WeCom tags already (a guide tagged them before the profile reached this module).
        if (!known && current is not null && await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.ProfileId == changed.ProfileId, ct) is { } member)
            await weComTags.Follow(changed.TenantId, member, [], AudienceText.Get("WeComTagger"), ct);
    }

    private async Task HandOver(Guid merged, Guid survivor, CancellationToken ct)
    {
        var held = await db.CustomerTags.AsNoTracking().Where(t => t.ProfileId == merged).ToListAsync(ct);
        if (held.Count == 0) return;
        var heir = await lookup.Find(survivor, ct) ?? throw new WeComSync.NotYetKnownException($"Profile {survivor} is not a member yet.");
        var has = (await db.CustomerTags.AsNoTracking().Where(t => t.ProfileId == survivor).Select(t => t.TagId).ToListAsync(ct)).ToHashSet();
        var byId = await db.Tags.AsNoTracking().Where(t => held.Select(h => h.TagId).Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var tag in held.Where(h => !has.Contains(h.TagId) && byId.ContainsKey(h.TagId)))
            await tags.Give(byId[tag.TagId], [heir], tag.Cause, tag.TaggedBy ?? "", ct, inherited: true);
        // The merged profile's past is the survivor's now: its timeline shows both.
        await db.TagHistory.Where(h => h.ProfileId == merged).ExecuteUpdateAsync(s => s.SetProperty(h => h.ProfileId, survivor), ct);
    }
}
