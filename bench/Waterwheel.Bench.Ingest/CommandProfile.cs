using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Waterwheel.Bench.Ingest;

/// <summary>
/// In the server process, with --profile: every database command EF runs (queries, SaveChanges batches, the inbox's
/// own SQL) and every commit, summed by a short signature of the statement (verb and table), so the report says which
/// statements the time goes to and how many of them each event costs.
/// </summary>
internal sealed partial class CommandProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new();
    private readonly List<IDisposable> _subscriptions = [];
    private long _since = Stopwatch.GetTimestamp();

    public CommandProfile() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        switch (e.Value)
        {
            case CommandExecutedEventData executed when e.Key == RelationalEventId.CommandExecuted.Name:
                Add(Signature(executed.Command.CommandText), executed.Duration);
                break;
            case CommandErrorEventData failed when e.Key == RelationalEventId.CommandError.Name:
                Add("FAILED " + Signature(failed.Command.CommandText), failed.Duration);
                break;
            case TransactionEndEventData committed when e.Key == RelationalEventId.TransactionCommitted.Name:
                Add("COMMIT (explicit transaction)", committed.Duration);
                break;
        }
    }

    private void Add(string signature, TimeSpan duration)
    {
        var tally = _tallies.GetOrAdd(signature, static _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Add(ref tally.Ticks, duration.Ticks);
    }

    /// <summary>"SELECT timeline", "INSERT profiles + INSERT timeline": the verb and first table of each statement in the command.</summary>
    private static string Signature(string sql)
    {
        var text = sql.Length > 4000 ? sql[..4000] : sql;
        if (text.Contains("pg_advisory_xact_lock", StringComparison.Ordinal)) return "SELECT pg_advisory_xact_lock (claim turn)";
        var parts = new List<string>();
        foreach (var statement in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var verb = statement.Split([' ', '\n', '\r', '\t', '('], 2)[0].ToUpperInvariant();
            var table = Table().Match(statement) is { Success: true } m ? m.Groups[1].Value : "?";
            var part = $"{verb} {table}";
            if (verb == "UPDATE" && table.EndsWith("inbox", StringComparison.Ordinal) && statement.Contains("RETURNING", StringComparison.OrdinalIgnoreCase)) part += " (claim)";
            if (parts.Count == 0 || parts[^1] != part) parts.Add(part);
        }
        return string.Join(" + ", parts);
    }

    [GeneratedRegex(@"(?:FROM|INTO|UPDATE)\s+(?:""?\w+""?\.)?""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Table();

    public void Reset()
    {
        _tallies.Clear();
        Interlocked.Exchange(ref _since, Stopwatch.GetTimestamp());
    }

    public void Print(TextWriter w)
    {
        var wall = Stopwatch.GetElapsedTime(Interlocked.Read(ref _since)).TotalMilliseconds;
        w.WriteLine($"PROFILE db commands over {wall / 1000:F1} s (count, total ms, mean ms, share of wall summed over connections)");
        foreach (var (signature, tally) in _tallies.OrderByDescending(t => t.Value.Ticks).Take(20))
        {
            var ms = TimeSpan.FromTicks(tally.Ticks).TotalMilliseconds;
            w.WriteLine($"PROFILE   {tally.Count,8} {ms,10:F0} {ms / tally.Count,8:F2} {ms / wall * 100,6:F0}%  {signature}");
        }
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }

    private sealed class Tally
    {
        public long Count;
        public long Ticks;
    }
}
