using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Waterwheel.Customers.Consent;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Identity.Graph;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Data;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Handles one stored tracking call: finds or starts the profile its identifiers name, takes what identify says about
/// the person, and writes the call on the timeline once (keyed by source and messageId, so a redelivery is a no-op).
/// </summary>
internal sealed class TrackingHandler(
    CustomersDbContext db, IdentityLinks links, IdentityPreload preload, ConsentLedger consents, Attributes.TenantAttributes attributes,
    PendingTimeline pending, ActorContext actor, TrackingInbox inbox, IOptions<IngestOptions> options, ILogger<TrackingHandler> log)
    : IInboxBatchHandler
{
    public string Source => TrackingInbox.Source;

    /// <summary>
    /// One stored request share on its own, which the processor hands over when a batch of them failed. It is tried
    /// whole first; when that fails too, its calls are handled one unit of work each, and a call that fails again is set
    /// aside as a message of its own (retried or parked alone), so one poisoned call neither loses the calls around it
    /// nor holds up its lane.
    /// </summary>
    public async Task HandleAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        var tenantId = TenantOf([envelope]);
        var calls = TrackingMessage.Read(envelope.Payload);
        if (calls.Count == 1)
        {
            await Handle(tenantId, calls, ct);
            return;
        }
        try
        {
            await Handle(tenantId, calls, ct);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Forget();
        }
        var failed = new List<TrackingMessage>();
        foreach (var call in calls)
        {
            try
            {
                await Handle(tenantId, [call], ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Forget();
                log.LogWarning("Tracking call {MessageId} of inbox message {Id} failed ({Error}); it is retried on its own",
                    call.MessageId, envelope.Id, e.GetType().Name);
                failed.Add(call);
            }
        }
        if (failed.Count > 0) await inbox.SetAside(tenantId, failed, ct);
    }

    /// <summary>What a failed unit of work left behind must not reach the next one's save.</summary>
    private void Forget()
    {
        db.ChangeTracker.Clear();
        preload.Reset();
        pending.Clear();
    }

    /// <summary>
    /// Handles stored requests of one tenant in arrival order in one transaction: calls already on the timeline (a
    /// redelivery) and repeats within the batch are skipped, the identifiers of the rest are read in one go, and
    /// everything is saved at once.
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<InboxEnvelope> envelopes, CancellationToken ct)
    {
        var tenantId = TenantOf(envelopes);
        // A unit of work looks among the rows it tracks for each call, so its cost grows with the square of its size:
        // a claimed round (up to 50 stored requests of 500 KB) is saved in bounded slices. A slice that fails fails
        // the batch; the slices before it stay written, and the retry skips their calls by messageId.
        foreach (var slice in envelopes.SelectMany(e => TrackingMessage.Read(e.Payload)).Chunk(options.Value.CallsPerTransaction))
        {
            await Handle(tenantId, slice, ct);
            Forget();
        }
    }

    private static Guid TenantOf(IReadOnlyList<InboxEnvelope> envelopes)
    {
        var tenantId = envelopes[0].TenantId ?? throw new InvalidOperationException("A stored tracking call has no tenant.");
        if (envelopes.Any(e => e.TenantId != tenantId)) throw new InvalidOperationException("A batch of tracking calls spans tenants.");
        return tenantId;
    }

    private async Task Handle(Guid tenantId, IReadOnlyList<TrackingMessage> messages, CancellationToken ct)
    {
        // The write key named the tenant when the call was accepted; the handler acts inside it and nowhere else.
        actor.UseSystem(tenantId, "tracking");
        // Looking among the rows this batch tracks (DbSet.Local) would otherwise compare every tracked row with its snapshot
        // on every look, which grows with the square of the batch; the save detects the changes once.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Most calls of a stream start someone (a new visitor): their rows go in by bulk copy, not an INSERT each.
        db.WritesNewRowsInBulk = true;
        var sourceKeys = messages.Select(SourceKey).ToList();
        var done = (await db.Timeline.Where(t => sourceKeys.Contains(t.SourceKey)).Select(t => t.SourceKey).ToListAsync(ct)).ToHashSet();
        var fresh = messages.Where((_, i) => done.Add(sourceKeys[i])).ToList();
        if (fresh.Count > 1) await preload.Load(tenantId, fresh.SelectMany(AllClaims), ct);
        foreach (var message in fresh) await Apply(tenantId, message, ct);
        // The calls' lines go in by COPY beside the tracked changes, in one transaction: a line and what its call did to
        // the profile commit together, and a redelivery finds the line and does nothing again.
        await db.Atomically(async () =>
        {
            await db.SaveChangesAsync(ct);
            await pending.Flush(ct);
            return 0;
        }, ct);
    }

    private static string SourceKey(TrackingMessage message) =>
        InboxLimits.Bound($"seg:{message.SourceId:N}:{message.MessageId}", TimelineEntry.SourceKeyLength);

    /// <summary>Every identifier a call may name, an alias's earlier id read both ways (a user id or an anonymous id).</summary>
    private static IEnumerable<IdentifierClaim> AllClaims(TrackingMessage message) => message is { Type: "alias", PreviousId: { } previous }
        ? [.. TrackingIdentifiers.Of(message), new(IdentityType.UserId, previous), new(IdentityType.AnonymousId, previous)]
        : TrackingIdentifiers.Of(message);

    private async Task Apply(Guid tenantId, TrackingMessage message, CancellationToken ct)
    {
        var claims = TrackingIdentifiers.Of(message);
        if (message is { Type: "alias", PreviousId: { } previous })
            claims.Add(new IdentifierClaim(await PreviousIdType(previous, ct), previous));
        var profile = await links.Resolve(tenantId, claims, "tracking", ct);
        IReadOnlyList<string> dropped = [];
        if (message.Type == "identify")
        {
            profile.Describe(TrackingIdentifiers.Trait(message.Traits, "name"), TrackingIdentifiers.Trait(message.Traits, "avatar"),
                GenderOf(TrackingIdentifiers.Trait(message.Traits, "gender")), message.Timestamp);
            dropped = IdentifyTraits.Apply(profile, message.Traits, await attributes.Of(tenantId, ct), message.ReceivedAt);
        }
        else
            profile.Describe(null, null, Gender.Unknown, message.Timestamp);

        if (message.Consent is { } preferences)
            await consents.RecordChanges(tenantId, profile.Id, preferences.ToDictionary(p => ConsentChannels.ByCode[p.Key], p => p.Value),
                ConsentSource.TrackingApi, message.Timestamp, message.MessageId, ct);

        var (kind, subject, properties) = message.Type switch
        {
            "identify" => (TimelineKind.Identified, null, message.Traits),
            "track" => (TimelineKind.Tracked, message.Event, message.Properties),
            "page" => (TimelineKind.PageViewed, message.Name, message.Properties),
            "screen" => (TimelineKind.ScreenViewed, message.Name, message.Properties),
            "group" => (TimelineKind.JoinedGroup, message.GroupId, message.Traits),
            _ => (TimelineKind.Aliased, message.PreviousId, null),
        };
        // An order's line and the profile's order figures commit together, so a redelivered order counts once.
        decimal? amount = kind == TimelineKind.Tracked && OrderEvents.IsOrder(message.Event) ? OrderEvents.Amount(message.Properties) : null;
        if (amount is { } value) profile.AddOrder(value, message.Timestamp);
        pending.Add(new TimelineEntry
        {
            TenantId = tenantId, ProfileId = profile.Id, Kind = kind, OccurredAt = message.Timestamp, Subject = subject,
            Properties = WithoutPersonalData(properties), Amount = amount, Detail = DroppedTraits(dropped), SourceId = message.SourceId,
            SourceKey = SourceKey(message),
        });
    }

    // The 360 page says which traits were not taken, so that the brand can fix its sender; the values stay in Properties.
    private static string? DroppedTraits(IReadOnlyList<string> keys) =>
        keys.Count == 0 ? null : InboxLimits.Bound("dropped invalid traits: " + string.Join(", ", keys), 500);

    // The earlier id of an alias is a user id the source used before, or (usually) the anonymous id of the visit; an
    // earlier call of the same batch may have just linked it.
    private async Task<IdentityType> PreviousIdType(string previousId, CancellationToken ct)
    {
        var local = preload.Tracked(new IdentifierKey(IdentityType.UserId, previousId)) is not null;
        var stored = !local && !preload.Knows(new IdentifierKey(IdentityType.UserId, previousId))
            && await db.Identities.AnyAsync(i => i.Type == IdentityType.UserId && i.Key == previousId, ct);
        return local || stored ? IdentityType.UserId : IdentityType.AnonymousId;
    }

    private static Gender GenderOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "male" or "m" or "man" or "男" or "1" => Gender.Male,
        "female" or "f" or "woman" or "女" or "2" => Gender.Female,
        _ => Gender.Unknown,
    };

    /// <summary>Phones and emails live only encrypted among the identities; the timeline keeps everything else.</summary>
    private static string? WithoutPersonalData(JsonObject? values)
    {
        if (values is null) return null;
        var copy = values.DeepClone().AsObject();
        foreach (var name in new[] { "phone", "mobile", "email" }) copy.Remove(name);
        var json = Redact.Phones(copy.ToJsonString());
        return json.Length <= TimelineEntry.PropertiesLength ? json : null;
    }
}
