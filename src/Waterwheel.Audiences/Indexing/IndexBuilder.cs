using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Members;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Indexing;

/// <summary>Builds this node's indexes from the members' tables, the truth they cache.</summary>
internal sealed class IndexBuilder(AudienceIndexes indexes, IServiceScopeFactory scopes)
{
    /// <summary>
    /// Rows written while a build reads may not be in what it read; replaying this many sequences before the last one
    /// noted covers them (replaying is harmless: each row carries the new state, and the log replays in order).
    /// </summary>
    public const long ReplayWindow = 1_000;

    private const int Page = 10_000;

    /// <summary>Builds every tenant's index; returns the sequence after which the tail must apply the log.</summary>
    public async Task<long> BuildAll(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AudiencesDbContext>();
        // The node's own index holds every tenant: the only reads with the tenant filter off, here and in the tail.
        var noted = await db.Changes.IgnoreQueryFilters().MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        var tenants = await db.Members.IgnoreQueryFilters().Select(m => m.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants) indexes.Add(tenant, await Build(tenant, ct));
        return Math.Max(0, noted - ReplayWindow);
    }

    public async Task<AudienceIndex> Build(Guid tenant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "audience-index");
        var db = scope.ServiceProvider.GetRequiredService<AudiencesDbContext>();
        var catalog = await TenantCatalog.Load(scope.ServiceProvider.GetRequiredService<ICustomerFacts>(), ct);
        var tags = (await db.MemberTags.AsNoTracking().Select(t => new { t.Ordinal, t.TagId }).ToListAsync(ct))
            .GroupBy(t => t.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyCollection<Guid>)g.Select(t => t.TagId).ToList());
        var records = new List<CustomerRecord>();
        for (var after = int.MinValue; ;)
        {
            var page = await db.Members.AsNoTracking().Where(m => m.Ordinal > after).OrderBy(m => m.Ordinal).Take(Page).ToListAsync(ct);
            records.AddRange(page.Select(m => new CustomerRecord(m.Ordinal, MemberRecords.Values(m, catalog), tags.GetValueOrDefault(m.Ordinal) ?? [])));
            if (page.Count < Page) break;
            after = page[^1].Ordinal;
        }
        return AudienceIndex.Build(catalog, records);
    }
}
