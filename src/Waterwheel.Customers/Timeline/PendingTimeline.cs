using Waterwheel.Platform.Data;

namespace Waterwheel.Customers.Timeline;

/// <summary>
/// Timeline lines a unit of work appends in bulk (<see cref="BulkRows"/>) rather than through the change tracker: the
/// tracking API's lines, thousands a transaction, which are only ever inserted. They are written by
/// <see cref="Flush"/> inside the transaction that saves the rest of the unit's work; until then a merge moves them with
/// their profile like the lines it tracks (<see cref="Move"/>).
/// </summary>
internal sealed class PendingTimeline(CustomersDbContext db)
{
    private readonly List<TimelineEntry> _lines = [];

    public void Add(TimelineEntry line) => _lines.Add(line);

    /// <summary>Re-points a merged profile's pending lines to the survivor and names them, so that an unmerge moves them back.</summary>
    public List<Guid> Move(Guid from, Guid to)
    {
        var moved = new List<Guid>();
        foreach (var line in _lines.Where(l => l.ProfileId == from))
        {
            line.ProfileId = to;
            moved.Add(line.Id);
        }
        return moved;
    }

    public async Task Flush(CancellationToken ct)
    {
        await db.AppendAsync(_lines, ct);
        _lines.Clear();
    }

    /// <summary>Drops what a failed unit of work left, so that the next one does not write it.</summary>
    public void Clear() => _lines.Clear();
}
