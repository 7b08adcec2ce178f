using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Relationships;
using Waterwheel.Platform.Demo;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Demo;

/// <summary>
/// Fills a tenant with up to a million members for trying the product at scale: each with a name, a mobile (encrypted,
/// found by its keyed hash and last four digits like any other) and a member number, most of them members of one of
/// the brand's stores with a guide of that store, first and last seen over the past two years. Written straight to the
/// tables in large batches, since the tracking API would take the better part of an hour for a million; a second run
/// adds only the members still missing, so it can be stopped and started again.
/// </summary>
public sealed class ScaleCustomers(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string MemberPrefix = "SC";
    private const int BatchSize = 2_000;

    /// <returns>How many members the tenant has from this generator now.</returns>
    public async Task<int> Generate(Guid tenantId, int members, IProgress<int>? progress, CancellationToken ct)
    {
        var done = await InScope(tenantId, (db, _, _) => db.Identities.CountAsync(i => i.Type == IdentityType.PosMemberNumber && i.Key.StartsWith(MemberPrefix), ct));
        var (stores, guides) = await InScope(tenantId, async (_, organisation, _) =>
            ((await organisation.Stores(tenantId, ct)).Values.ToList(), (await organisation.Staff(tenantId, ct)).Values.Where(s => s.StoreId is not null).ToList()));
        var now = time.GetUtcNow().UtcDateTime;
        while (done < members)
        {
            var from = done + 1;
            var count = Math.Min(BatchSize, members - done);
            await InScope(tenantId, (db, _, keys) =>
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var n = from; n < from + count; n++) Add(db, keys, tenantId, n, stores, guides, now);
                return db.SaveChangesAsync(ct);
            });
            done += count;
            progress?.Report(done);
        }
        return done;
    }

    private static void Add(CustomersDbContext db, IdentityKeys keys, Guid tenantId, int n, List<StoreRef> stores, List<StaffRef> guides, DateTime now)
    {
        // Seeded by the member's number: the same member every run, whichever batch writes them.
        var random = new Random(n);
        var names = new DemoPeople(n);
        var firstSeen = now.AddDays(-random.Next(1, 730)).AddMinutes(-random.Next(0, 1440));
        var profile = new CustomerProfile
        {
            TenantId = tenantId, CreatedAt = now, UpdatedAt = now, Name = names.NextName(), FirstSeenAt = firstSeen,
            LastSeenAt = firstSeen.AddDays(random.Next(0, Math.Max(1, (int)(now - firstSeen).TotalDays))),
            Gender = (Gender)random.Next(3),
        };
        if (guides.Count > 0 && random.NextDouble() < 0.8)
        {
            var guide = guides[random.Next(guides.Count)];
            var store = stores.FirstOrDefault(s => s.StoreId == guide.StoreId);
            (profile.OwnerStaffId, profile.OwnerStoreId, profile.OwnerOrgPath, profile.OwnerDealerId) = (guide.StaffId, store?.StoreId, store?.OrgPath ?? "/", store?.DealerId);
        }
        db.Profiles.Add(profile);
        // 166 is a prefix no other demo data uses, and n × 7919 mod 10⁸ gives every member a different number.
        var mobile = $"166{(long)n * 7919 % 100_000_000:D8}";
        Link(db, keys, profile, IdentityType.Phone, mobile, now);
        Link(db, keys, profile, IdentityType.PosMemberNumber, $"{MemberPrefix}{n:D7}", now);
    }

    private static void Link(CustomersDbContext db, IdentityKeys keys, CustomerProfile profile, IdentityType type, string value, DateTime now) =>
        db.Identities.Add(new CustomerIdentity
        {
            TenantId = profile.TenantId, ProfileId = profile.Id, Type = type, Key = keys.Key(type, value), Cipher = keys.Cipher(type, value),
            Hint = keys.Hint(type, value), Source = "demo-scale", LinkedAt = now,
        });

    private async Task<T> InScope<T>(Guid tenantId, Func<CustomersDbContext, OrganisationFacts, IdentityKeys, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenantId, "demo-scale");
        return await work(scope.ServiceProvider.GetRequiredService<CustomersDbContext>(), scope.ServiceProvider.GetRequiredService<OrganisationFacts>(),
            scope.ServiceProvider.GetRequiredService<IdentityKeys>());
    }
}
