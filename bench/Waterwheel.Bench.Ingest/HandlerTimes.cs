using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Bench.Ingest;

/// <summary>
/// In the server process, with --profile: wraps each inbox handler the modules registered so that the time a message
/// spends in its handler (resolution, lookups, SaveChanges) is summed apart from the claims and acknowledgements around it.
/// </summary>
internal sealed class HandlerTimes
{
    private readonly ConcurrentDictionary<string, long[]> _bySource = new();
    private long _since = Stopwatch.GetTimestamp();

    public void Wrap(IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IInboxHandler) && d.ImplementationType is not null).ToList())
        {
            var type = descriptor.ImplementationType!;
            services.Remove(descriptor);
            services.Add(new ServiceDescriptor(typeof(IInboxHandler),
                sp => new Timed((IInboxHandler)ActivatorUtilities.CreateInstance(sp, type), this), descriptor.Lifetime));
        }
    }

    public void Reset()
    {
        _bySource.Clear();
        Interlocked.Exchange(ref _since, Stopwatch.GetTimestamp());
    }

    public void Print(TextWriter w)
    {
        var wall = Stopwatch.GetElapsedTime(Interlocked.Read(ref _since)).TotalMilliseconds;
        foreach (var (source, t) in _bySource)
        {
            var ms = TimeSpan.FromTicks(t[1]).TotalMilliseconds;
            w.WriteLine($"PROFILE handler {source}: {t[0]} messages, {ms:F0} ms in handlers, mean {ms / Math.Max(1, t[0]):F2} ms, " +
                $"{ms / wall:F1} handlers busy on average, {t[2]} threw");
        }
    }

    private void Add(string source, TimeSpan took, bool threw)
    {
        var t = _bySource.GetOrAdd(source, static _ => new long[3]);
        Interlocked.Increment(ref t[0]);
        Interlocked.Add(ref t[1], took.Ticks);
        if (threw) Interlocked.Increment(ref t[2]);
    }

    private sealed class Timed(IInboxHandler inner, HandlerTimes times) : IInboxHandler
    {
        public string Source => inner.Source;

        public async Task HandleAsync(InboxEnvelope message, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            var threw = true;
            try
            {
                await inner.HandleAsync(message, ct);
                threw = false;
            }
            finally
            {
                times.Add(inner.Source, Stopwatch.GetElapsedTime(started), threw);
            }
        }
    }
}
