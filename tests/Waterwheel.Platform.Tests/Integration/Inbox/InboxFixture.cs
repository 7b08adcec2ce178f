using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration.Inbox;

/// <summary>
/// An app whose inbox processor does not run by itself: tests drive it round by round on a fake clock, with a
/// handler that records what it saw and fails on demand.
/// </summary>
public sealed class InboxFixture<TProvider> : IAsyncLifetime where TProvider : IProvider
{
    public const int MaxAttempts = 3;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    public RecordingHandler Handler { get; } = new();
    public RecordingBatchHandler BatchHandler { get; } = new();
    public UrgentHandler Urgent { get; } = new();
    public WaterwheelApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new WaterwheelApp(await TestDatabase.Create(TProvider.Name),
            new Dictionary<string, string?>
            {
                ["Waterwheel:Inbox:RunProcessor"] = "false",
                ["Waterwheel:Inbox:MaxAttempts"] = MaxAttempts.ToString(),
                ["Waterwheel:Inbox:Lease"] = "00:00:30",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IInboxHandler>(Handler);
                services.AddSingleton<IInboxHandler>(BatchHandler);
                services.AddSingleton<IInboxHandler>(Urgent);
            });
        _ = App.Services; // boots the app and migrates
    }

    public Task<InboxAcceptance> Accept(string key, string payload = "{}", string? partition = null) =>
        App.InScope(sp => sp.GetRequiredService<IInbox>().AcceptAsync(RecordingHandler.SourceName, key, null, payload, CancellationToken.None, partition));

    public Task<InboxAcceptance> AcceptForBatch(string key, string payload = "{}", string? partition = null) =>
        App.InScope(sp => sp.GetRequiredService<IInbox>().AcceptAsync(RecordingBatchHandler.SourceName, key, null, payload, CancellationToken.None, partition));

    public Task<InboxAcceptance> AcceptUrgent(string key, string? partition = null) =>
        App.InScope(sp => sp.GetRequiredService<IInbox>().AcceptAsync(UrgentHandler.SourceName, key, null, "{}", CancellationToken.None, partition));

    /// <summary>What another node would get if it claimed now (only the given sources, when named).</summary>
    internal Task<List<InboxMessage>> ClaimAs(string owner, IReadOnlyList<string>? sources = null) => App.InScope(sp => InboxClaims.Claim(
        sp.GetRequiredService<Data.PlatformDbContext>(), owner, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(30), 1000, CancellationToken.None, sources));

    public Task<int> RunOnce() => App.Services.GetRequiredService<InboxProcessor>().RunOnceAsync(CancellationToken.None);

    internal Task<InboxMessage> Stored(string key) => App.InScope(sp => sp.GetRequiredService<Data.PlatformDbContext>().Inbox
        .AsNoTracking().SingleAsync(m => m.DedupeKey == key));

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
    }
}

/// <summary>Counts deliveries per dedupe key; fails the next N deliveries of a key when told to.</summary>
public sealed class RecordingHandler : IInboxHandler
{
    public const string SourceName = "test.inbox";
    private readonly Dictionary<string, int> _seen = [];
    private readonly Dictionary<string, int> _failuresLeft = [];
    private readonly List<string> _order = [];

    public string Source => SourceName;

    public int Seen(string key) { lock (_seen) return _seen.GetValueOrDefault(key); }

    /// <summary>The keys in the order their handling began.</summary>
    public List<string> Order() { lock (_seen) return [.. _order]; }

    /// <summary>Set to hold a key's handler until the test lets it go.</summary>
    public Func<string, Task>? Hold { get; set; }

    public void FailNext(string key, int times) { lock (_seen) _failuresLeft[key] = times; }

    public async Task HandleAsync(InboxEnvelope message, CancellationToken ct)
    {
        if (Hold is { } hold) await hold(message.DedupeKey);
        lock (_seen)
        {
            _order.Add(message.DedupeKey);
            _seen[message.DedupeKey] = _seen.GetValueOrDefault(message.DedupeKey) + 1;
            if (_failuresLeft.GetValueOrDefault(message.DedupeKey) > 0)
            {
                _failuresLeft[message.DedupeKey]--;
                throw new InvalidOperationException("handler failed on purpose");
            }
        }
    }
}

/// <summary>A source whose messages must not wait behind others (as a new contact's welcome must not).</summary>
public sealed class UrgentHandler : IInboxHandler
{
    public const string SourceName = "test.urgent";
    private readonly List<string> _done = [];

    public string Source => SourceName;
    public bool Urgent => true;

    public List<string> Done() { lock (_done) return [.. _done]; }

    public Task HandleAsync(InboxEnvelope message, CancellationToken ct)
    {
        lock (_done) _done.Add(message.DedupeKey);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A batch handler whose batches are all or nothing, as one transaction would be: a batch holding a poisoned message
/// records nothing and fails; alone, the poisoned message fails and the others succeed.
/// </summary>
public sealed class RecordingBatchHandler : IInboxBatchHandler
{
    public const string SourceName = "test.batch";
    public const string Poison = "poison";
    private readonly List<string> _done = [];
    private readonly List<int> _batches = [];

    public string Source => SourceName;

    public List<string> Done() { lock (_done) return [.. _done]; }

    /// <summary>The size of each batch call, successful or not.</summary>
    public List<int> Batches() { lock (_done) return [.. _batches]; }

    public Task HandleAsync(InboxEnvelope message, CancellationToken ct)
    {
        if (message.Payload.Contains(Poison)) throw new InvalidOperationException("poisoned on purpose");
        lock (_done) _done.Add(message.DedupeKey);
        return Task.CompletedTask;
    }

    public Task HandleBatchAsync(IReadOnlyList<InboxEnvelope> messages, CancellationToken ct)
    {
        lock (_done)
        {
            _batches.Add(messages.Count);
            if (messages.Any(m => m.Payload.Contains(Poison))) throw new InvalidOperationException("a poisoned batch");
            _done.AddRange(messages.Select(m => m.DedupeKey));
        }
        return Task.CompletedTask;
    }
}
