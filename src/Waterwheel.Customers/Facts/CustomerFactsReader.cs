using System.Text.Json.Nodes;
using Waterwheel.Customers.Consent;
using Waterwheel.Customers.Contracts;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Lifecycle;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Relationships;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Facts;

/// <summary>
/// The Customers module's answer to <see cref="ICustomerFacts"/>: the profiles the actor's query filters let through,
/// erased ones left out (they count anonymously in Customers' own reports, but segments reach people).
/// </summary>
internal sealed class CustomerFactsReader(CustomersDbContext db, TenantValueOptions values, ITenantZone zone, ProfileVisibility visibility,
    OrganisationFacts organisation, IdentityKeys keys, TimeProvider time) : ICustomerFacts
{
    public async Task<IReadOnlyList<CustomerFacts>> Page(int skip, int size, CancellationToken ct) =>
        await Describe(await Live().OrderBy(p => p.Id).Skip(skip).Take(size).ToListAsync(ct), ct);

    public async Task<CustomerFacts?> Find(Guid profileId, CancellationToken ct)
    {
        var profile = await Live().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        return profile is null ? null : (await Describe([profile], ct))[0];
    }

    public async Task<IReadOnlyDictionary<Guid, CustomerFacts>> FindMany(IReadOnlyCollection<Guid> profileIds, CancellationToken ct)
    {
        var found = new Dictionary<Guid, CustomerFacts>();
        foreach (var chunk in profileIds.Distinct().Chunk(Chunk))
            foreach (var facts in await Describe(await Live().Where(p => chunk.Contains(p.Id)).ToListAsync(ct), ct)) found[facts.ProfileId] = facts;
        return found;
    }

    public async Task<IReadOnlySet<Guid>> WithWeComContacts(IReadOnlyCollection<Guid> profileIds, CancellationToken ct)
    {
        var found = new HashSet<Guid>();
        foreach (var chunk in profileIds.Distinct().Chunk(Chunk))
            found.UnionWith(await db.Identities.AsNoTracking().Where(i => chunk.Contains(i.ProfileId) && i.Type == IdentityType.WeComExternalUserId)
                .Select(i => i.ProfileId).Distinct().ToListAsync(ct));
        return found;
    }

    public async Task<Guid?> ProfileOfWeComContact(string externalUserId, CancellationToken ct)
    {
        var key = keys.Key(IdentityType.WeComExternalUserId, externalUserId);
        var profileId = await db.Identities.AsNoTracking().Where(i => i.Type == IdentityType.WeComExternalUserId && i.Key == key)
            .Select(i => (Guid?)i.ProfileId).FirstOrDefaultAsync(ct);
        return profileId is { } id && await Live().AnyAsync(p => p.Id == id, ct) ? id : null;
    }

    public async Task<Guid?> SurvivorOf(Guid profileId, CancellationToken ct)
    {
        var tenant = db.CurrentTenant;
        // Merged profiles are out of the query filter by design; this one question reads past it, within the tenant.
        var all = db.Profiles.IgnoreQueryFilters().AsNoTracking().Where(p => p.TenantId == tenant);
        var next = await all.Where(p => p.Id == profileId).Select(p => p.MergedIntoId).FirstOrDefaultAsync(ct);
        for (var hops = 0; next is { } into && hops < 32; hops++)
        {
            var survivor = await all.Where(p => p.Id == into).Select(p => new { p.MergedIntoId, p.ErasedAt }).FirstOrDefaultAsync(ct);
            if (survivor is null || survivor.ErasedAt is not null) return null;
            if (survivor.MergedIntoId is null) return into;
            next = survivor.MergedIntoId;
        }
        return null;
    }

    public async Task<IReadOnlyList<string>> WeComContacts(Guid profileId, CancellationToken ct) =>
        // External userids are not personal data here: the key is the id itself.
        await db.Identities.AsNoTracking().Where(i => i.ProfileId == profileId && i.Type == IdentityType.WeComExternalUserId)
            .OrderBy(i => i.LinkedAt).Select(i => i.Key).ToListAsync(ct);

    public async Task<IReadOnlyList<IdentifierMatch>> Resolve(CustomerIdentifier kind, IReadOnlyList<string> values, CancellationToken ct)
    {
        var type = Enum.Parse<IdentityType>(kind.ToString());
        var normalised = values.Select(v => IdentityValues.Normalise(type, v)).ToList();
        var keyOf = normalised.Where(n => n is not null).Distinct().ToDictionary(n => n!, n => keys.Key(type, n!));
        var found = new Dictionary<string, Guid>();
        foreach (var chunk in keyOf.Values.Distinct().Chunk(500))
        {
            // Only profiles the actor's scope holds count as found: the identities join the scoped, live profiles.
            var rows = await (from i in db.Identities.AsNoTracking()
                              join p in Live() on i.ProfileId equals p.Id
                              where i.Type == type && chunk.Contains(i.Key)
                              select new { i.Key, i.ProfileId }).ToListAsync(ct);
            foreach (var row in rows) found[row.Key] = row.ProfileId;
        }
        return values.Select((value, i) => normalised[i] is not { } n ? new IdentifierMatch(value, IdentifierOutcome.Malformed, null)
            : found.TryGetValue(keyOf[n], out var profile) ? new IdentifierMatch(value, IdentifierOutcome.Found, profile)
            : new IdentifierMatch(value, IdentifierOutcome.NotFound, null)).ToList();
    }

    public async Task<IReadOnlyList<CustomAttributeFact>> Attributes(CancellationToken ct) =>
        await db.AttributeDefinitions.AsNoTracking().OrderBy(d => d.CreatedAt).ThenBy(d => d.Key)
            .Select(d => new CustomAttributeFact(d.Key, d.Label, d.Type.ToString())).ToListAsync(ct);

    public async Task<IReadOnlyList<CustomerPerson>> People(IReadOnlyCollection<Guid> profileIds, bool unmasked, CancellationToken ct)
    {
        var tenant = db.CurrentTenant ?? Guid.Empty;
        var stores = await organisation.Stores(tenant, ct);
        var staff = await organisation.Staff(tenant, ct);
        var sharing = await visibility.SharingDealers(ct);
        var people = new List<CustomerPerson>(profileIds.Count);
        foreach (var chunk in profileIds.Chunk(500))
        {
            var profiles = await Live().Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
            var phones = (await db.Identities.AsNoTracking().Where(i => chunk.Contains(i.ProfileId) && i.Type == IdentityType.Phone).ToListAsync(ct))
                .GroupBy(i => i.ProfileId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.LinkedAt).First());
            foreach (var p in profiles.OrderBy(p => Array.IndexOf(chunk, p.Id)))
            {
                var shown = visibility.SeesEveryone || p.OwnerDealerId is not { } dealer || sharing.Contains(dealer);
                var clear = shown && unmasked;
                var phone = shown && phones.TryGetValue(p.Id, out var identity) ? keys.Reveal(identity) : null;
                people.Add(new CustomerPerson(p.Id, shown, !shown ? "" : clear ? p.Name : Mask.Name(p.Name),
                    phone is null ? "" : clear ? phone : Mask.Phone(phone), shown ? p.City ?? "" : "",
                    p.OwnerStoreId is { } s ? stores.GetValueOrDefault(s)?.Name ?? "" : "",
                    p.OwnerStaffId is { } g ? staff.GetValueOrDefault(g)?.Name ?? "" : ""));
            }
        }
        return people;
    }

    private const int Chunk = 500;

    private IQueryable<CustomerProfile> Live() => db.Profiles.AsNoTracking().Where(p => p.ErasedAt == null);

    private async Task<IReadOnlyList<CustomerFacts>> Describe(IReadOnlyList<CustomerProfile> profiles, CancellationToken ct)
    {
        if (profiles.Count == 0) return [];
        var options = await values.Current(ct);
        var tz = await zone.Current(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var ids = profiles.Select(p => p.Id).ToList();
        var consents = (await db.Consents.AsNoTracking().Where(c => c.ProfileId != null && ids.Contains(c.ProfileId.Value)).ToListAsync(ct))
            .GroupBy(c => c.ProfileId!.Value).ToDictionary(g => g.Key, g => ConsentLedger.Current(g));
        return profiles.Select(p =>
        {
            var value = options.Of(p, now);
            var consent = consents.GetValueOrDefault(p.Id);
            return new CustomerFacts(p.Id, p.OwnerStoreId, p.OwnerStaffId, p.OwnerDealerId, p.OwnerOrgPath,
                p.Gender switch { Gender.Male => "male", Gender.Female => "female", _ => null }, Blank(p.Province), Blank(p.City), p.Birthday,
                Stage(value.Stage), value.OrderCount, value.TotalSpent, value.AverageOrderValue,
                p.LastOrderAt is { } last ? TenantTime.Day(last, tz) : null, p.FirstSeenAt == default ? null : TenantTime.Day(p.FirstSeenAt, tz),
                value.Recency, value.Frequency, value.Monetary,
                Granted(consent, ConsentChannel.WeComMessage), Granted(consent, ConsentChannel.Sms), Granted(consent, ConsentChannel.Email),
                AttributeTexts(p.Attributes));
        }).ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool? Granted(IReadOnlyDictionary<ConsentChannel, ConsentRecord>? current, ConsentChannel channel) =>
        current is not null && current.TryGetValue(channel, out var record) ? record.Granted : null;

    private static string Stage(LifecycleStage stage) => stage switch
    {
        LifecycleStage.New => "new",
        LifecycleStage.Active => "active",
        LifecycleStage.AtRisk => "at_risk",
        LifecycleStage.Dormant => "dormant",
        _ => "lost",
    };

    /// <summary>Each value in its canonical text: JSON strings unquoted, numbers and true/false as JSON writes them.</summary>
    private static IReadOnlyDictionary<string, string> AttributeTexts(string? stored) =>
        Waterwheel.Customers.Attributes.AttributeValues.Read(stored)
            .Where(kv => kv.Value is JsonValue)
            .ToDictionary(kv => kv.Key, kv => kv.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : kv.Value!.ToJsonString());
}
