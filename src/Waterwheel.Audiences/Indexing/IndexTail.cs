using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Waterwheel.Audiences.Members;

namespace Waterwheel.Audiences.Indexing;

/// <summary>
/// Keeps this node's <see cref="AudienceIndexes"/> current (ADR 13): builds every tenant's index from the members'
/// tables at start, then reads the change log after the last sequence it applied, when PostgreSQL notifies a commit
/// (<see cref="ChangeListener"/>) and every <see cref="AudienceOptions.TailInterval"/> anyway, and applies the rows in sequence order as the indexes' only writer.
/// </summary>
/// <remarks>
/// On PostgreSQL a sequence is taken when a row is inserted, not when its transaction commits, so a row may appear after
/// one with a higher sequence. The tail remembers the sequences it skipped and asks for them again for
/// <see cref="AudienceOptions.GapPatience"/> (a rolled-back insert leaves a gap for ever). Applying one late is right:
/// one customer's changes are written one after another (the inbox orders a profile's events; a tag's pair is a row
/// two writers queue on), so a late row is never older than one of the same customer's already applied.
/// </remarks>
internal sealed class IndexTail(AudienceIndexes indexes, IndexBuilder builder, ChangeSignal signal, IServiceScopeFactory scopes,
    IOptions<AudienceOptions> options, ILogger<IndexTail> log) : BackgroundService
{
    // Skipped sequences and when they were first missed, in machine milliseconds (pacing, not the business clock).
    private readonly Dictionary<long, long> _gaps = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            indexes.AppliedSequence = await Build(stoppingToken);
            indexes.MarkBuilt();
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Poll(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "Reading the audience change log failed; trying again");
                }
                await signal.WaitAsync(options.Value.TailInterval, stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping with the host: a read cut short by the shutdown is not a fault.
        }
    }

    /// <summary>Builds until it succeeds: a node that cannot read its truth yet (a database restarting) keeps trying rather than stopping.</summary>
    private async Task<long> Build(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await builder.BuildAll(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Building the audience index failed; trying again");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task Poll(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AudiencesDbContext>();
        var applier = scope.ServiceProvider.GetRequiredService<ChangeApplier>();
        var last = indexes.AppliedSequence;
        var rows = await db.Changes.IgnoreQueryFilters().AsNoTracking().Where(c => c.Sequence > last)
            .OrderBy(c => c.Sequence).Take(options.Value.TailBatch).ToListAsync(ct);
        if (_gaps.Count > 0)
        {
            ForgetOldGaps();
            var missing = _gaps.Keys.ToList();
            var late = await db.Changes.IgnoreQueryFilters().AsNoTracking().Where(c => missing.Contains(c.Sequence)).ToListAsync(ct);
            foreach (var row in late.OrderBy(r => r.Sequence))
            {
                _gaps.Remove(row.Sequence);
                await applier.Apply(row, ct);
            }
        }
        foreach (var row in rows)
        {
            NoteGaps(last, row.Sequence);
            await applier.Apply(row, ct);
            last = row.Sequence;
            indexes.AppliedSequence = last;
        }
    }

    private void NoteGaps(long last, long next)
    {
        // A jump of thousands is a burst of rolled-back writes or the retention sweep, not rows in flight.
        if (next - last - 1 is <= 0 or > 1_000) return;
        for (var s = last + 1; s < next; s++) _gaps.TryAdd(s, Environment.TickCount64);
    }

    private void ForgetOldGaps()
    {
        var cutoff = Environment.TickCount64 - (long)options.Value.GapPatience.TotalMilliseconds;
        foreach (var (sequence, since) in _gaps.ToList())
            if (since < cutoff) _gaps.Remove(sequence);
    }
}
