using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Identity;

/// <summary>An identifier as a touchpoint reports it, before normalisation.</summary>
public sealed record IdentifierClaim(IdentityType Type, string? Value);

/// <summary>
/// Finds the profile that identifiers name, or starts one, and links the identifiers it does not hold yet. The first
/// identifier that already names a profile decides it; an identifier already held by another profile stays there.
/// </summary>
internal sealed class IdentityLinks(CustomersDbContext db, IdentityKeys keys, TimeProvider time)
{
    public async Task<CustomerProfile> Resolve(Guid tenantId, IReadOnlyList<IdentifierClaim> claims, string source, CancellationToken ct)
    {
        var wanted = claims
            .Select(c => (c.Type, Value: IdentityValues.Normalise(c.Type, c.Value)))
            .Where(c => c.Value is not null)
            .Select(c => (c.Type, Key: keys.Key(c.Type, c.Value!), c.Value))
            .DistinctBy(c => (c.Type, c.Key))
            .ToList();
        var known = new List<CustomerIdentity>();
        foreach (var (type, key, _) in wanted)
            if (await Find(type, key, ct) is { } identity) known.Add(identity);

        var now = time.GetUtcNow().UtcDateTime;
        CustomerProfile? profile = null;
        if (known.Count > 0)
            profile = db.Profiles.Local.FirstOrDefault(p => p.Id == known[0].ProfileId)
                ?? await db.Profiles.SingleAsync(p => p.Id == known[0].ProfileId, ct);
        if (profile is null)
        {
            // First and last seen come from the facts the caller describes the person with (Describe), not from when we heard.
            profile = new CustomerProfile { TenantId = tenantId, CreatedAt = now, UpdatedAt = now };
            db.Profiles.Add(profile);
        }
        foreach (var (type, key, value) in wanted.Where(w => !known.Any(k => k.Type == w.Type && k.Key == w.Key)))
            db.Identities.Add(new CustomerIdentity
            {
                TenantId = tenantId, ProfileId = profile.Id, Type = type, Key = key, Cipher = keys.Cipher(type, value!),
                Source = source, LinkedAt = now,
            });
        return profile;
    }

    private async Task<CustomerIdentity?> Find(IdentityType type, string key, CancellationToken ct) =>
        db.Identities.Local.FirstOrDefault(i => i.Type == type && i.Key == key)
        ?? await db.Identities.FirstOrDefaultAsync(i => i.Type == type && i.Key == key, ct);
}
