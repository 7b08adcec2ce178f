using Waterwheel.Audiences.Tags;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// A profile's facts changed in the Customers module: the member follows, read fresh from the façade, so an event
/// handled twice or after a later one still leaves the member as the profile is now. A profile merged into another
/// hands its tags and their history to the survivor before it retires; an erased one takes them with it. A customer new
/// here takes the tags WeCom holds on them. Each event names a save's profiles, and a tenant's events are taken many
/// at once: each profile named is read once, and the members are written in one save.
/// </summary>
internal sealed class ProfileChangedIntake(AudiencesDbContext db, ICustomerFacts facts, MemberWriter writer, MemberLookup lookup, TagWriter tags,
    WeComSync.CustomerWeComTags weComTags)
    : IIntegrationEventBatchHandler<CustomerProfilesChanged>
{
    public Task Handle(CustomerProfilesChanged changed, CancellationToken ct) => Follow(changed.TenantId, changed.ProfileIds, ct);

    public Task HandleBatch(IReadOnlyList<CustomerProfilesChanged> events, CancellationToken ct) =>
        Follow(events[0].TenantId, events.SelectMany(e => e.ProfileIds).ToList(), ct);

    private async Task Follow(Guid tenant, IReadOnlyList<Guid> profileIds, CancellationToken ct)
    {
        var ids = profileIds.Distinct().ToList();
        var current = await facts.FindMany(ids, ct);
        var catalog = await TenantCatalog.Load(facts, ct);
        var known = (await db.Members.AsNoTracking().Where(m => ids.Contains(m.ProfileId)).Select(m => m.ProfileId).ToListAsync(ct)).ToHashSet();
        // The live first: a survivor named in the same save as the profile merged into it is a member before it inherits.
        await writer.Write(ids.Where(current.ContainsKey).Select(id => (id, (CustomerFacts?)current[id])).ToList(), catalog, ct);
        var gone = ids.Where(id => !current.ContainsKey(id)).ToList();
        foreach (var id in gone)
            if (await facts.SurvivorOf(id, ct) is { } survivor) await HandOver(id, survivor, ct);
        if (gone.Count > 0) await writer.Write(gone.Select(id => (id, (CustomerFacts?)null)).ToList(), catalog, ct);
        // A customer new here may carry WeCom tags already (a guide tagged them before the profile reached this module);
        // one who is no WeCom contact (a visitor the tracking API introduced) has none to take.
        var newcomers = ids.Where(id => !known.Contains(id) && current.ContainsKey(id)).ToList();
        if (newcomers.Count == 0) return;
        var contacts = (await facts.WithWeComContacts(newcomers, ct)).ToList();
        if (contacts.Count == 0) return;
        foreach (var member in await db.Members.AsNoTracking().Where(m => contacts.Contains(m.ProfileId)).ToListAsync(ct))
            await weComTags.Follow(tenant, member, [], AudienceText.Get("WeComTagger"), ct);
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
