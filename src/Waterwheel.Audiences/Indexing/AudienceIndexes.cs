using System.Collections.Concurrent;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Indexing;

/// <summary>
/// This node's index of every tenant (ADR 13): built by <see cref="IndexTail"/> at start, then kept current by it, its
/// only writer. Readers wait for the first build; a tenant with no members yet gets an empty index that fills as its
/// changes arrive.
/// </summary>
internal sealed class AudienceIndexes : IDisposable
{
    private readonly ConcurrentDictionary<Guid, AudienceIndex> _tenants = new();
    private readonly TaskCompletionSource _built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The highest change-log sequence this node has applied (for tests and for the health of the tail).</summary>
    public long AppliedSequence { get; internal set; }

    public bool IsBuilt => _built.Task.IsCompleted;

    public async Task<AudienceIndex> For(Guid tenantId, CancellationToken ct)
    {
        await _built.Task.WaitAsync(ct);
        return Get(tenantId);
    }

    /// <summary>For the tail, which builds before anyone reads.</summary>
    internal AudienceIndex Get(Guid tenantId) => _tenants.GetOrAdd(tenantId, _ => new AudienceIndex(new FieldCatalog()));

    /// <summary>A tenant's index as the start-up build made it; only before <see cref="MarkBuilt"/>, while nobody reads.</summary>
    internal void Add(Guid tenantId, AudienceIndex index) => _tenants[tenantId] = index;

    internal void MarkBuilt() => _built.TrySetResult();

    public void Dispose()
    {
        foreach (var index in _tenants.Values) index.Dispose();
        _tenants.Clear();
    }
}
