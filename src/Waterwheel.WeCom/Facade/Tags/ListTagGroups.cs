using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>The corp's live tag groups and tags as callbacks and syncs last stored them; no call to WeCom.</summary>
internal sealed class ListTagGroups(WeComDbContext db)
{
    public async Task<IReadOnlyList<WeComTagGroup>> Handle(CancellationToken ct)
    {
        var groups = await db.TagGroups.AsNoTracking().Where(g => !g.Deleted).ToListAsync(ct);
        var tags = (await db.Tags.AsNoTracking().Where(t => !t.Deleted).ToListAsync(ct)).ToLookup(t => t.GroupId);
        return groups.OrderByDescending(g => g.Order).ThenBy(g => g.GroupId, StringComparer.Ordinal)
            .Select(g => TagDtos.Of(g, tags[g.GroupId])).ToList();
    }
}
