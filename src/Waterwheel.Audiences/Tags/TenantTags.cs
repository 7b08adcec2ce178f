using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Tags;

/// <summary>The acting tenant's tags by name and id, for reading and printing the text form and checking JSON's tag ids.</summary>
internal sealed class TenantTags(AudiencesDbContext db)
{
    private TagDirectory? _directory;

    public async Task<TagDirectory> Directory(CancellationToken ct) =>
        _directory ??= new TagDirectory((await db.Tags.AsNoTracking().Select(t => new { t.Name, t.Id }).ToListAsync(ct))
            .Select(t => new KeyValuePair<string, Guid>(t.Name, t.Id)));
}
