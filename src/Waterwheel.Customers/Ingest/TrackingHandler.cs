using System.Text.Json;
using System.Text.Json.Nodes;
using Waterwheel.Customers.Consent;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Handles one stored tracking call: finds or starts the profile its identifiers name, takes what identify says about
/// the person, and writes the call on the timeline once (keyed by source and messageId, so a redelivery is a no-op).
/// </summary>
internal sealed class TrackingHandler(CustomersDbContext db, IdentityLinks links, ConsentLedger consents, Attributes.TenantAttributes attributes, ActorContext actor)
    : IInboxHandler
{
    public string Source => TrackingInbox.Source;

    public async Task HandleAsync(InboxEnvelope envelope, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize<TrackingMessage>(envelope.Payload, TrackingMessage.Json)
            ?? throw new InvalidOperationException("A stored tracking call is empty.");
        var tenantId = envelope.TenantId ?? throw new InvalidOperationException("A stored tracking call has no tenant.");
        // The write key named the tenant when the call was accepted; the handler acts inside it and nowhere else.
        actor.UseSystem(tenantId, "tracking");
        var sourceKey = InboxLimits.Bound($"seg:{message.SourceId:N}:{message.MessageId}", TimelineEntry.SourceKeyLength);
        if (await db.Timeline.AnyAsync(t => t.SourceKey == sourceKey, ct)) return;

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
        db.Timeline.Add(new TimelineEntry
        {
            TenantId = tenantId, ProfileId = profile.Id, Kind = kind, OccurredAt = message.Timestamp, Subject = subject,
            Properties = WithoutPersonalData(properties), Amount = amount, Detail = DroppedTraits(dropped), SourceId = message.SourceId, SourceKey = sourceKey,
        });
        await db.SaveChangesAsync(ct);
    }

    // The 360 page says which traits were not taken, so that the brand can fix its sender; the values stay in Properties.
    private static string? DroppedTraits(IReadOnlyList<string> keys) =>
        keys.Count == 0 ? null : InboxLimits.Bound("dropped invalid traits: " + string.Join(", ", keys), 500);

    // The earlier id of an alias is a user id the source used before, or (usually) the anonymous id of the visit.
    private async Task<IdentityType> PreviousIdType(string previousId, CancellationToken ct) =>
        await db.Identities.AnyAsync(i => i.Type == IdentityType.UserId && i.Key == previousId, ct) ? IdentityType.UserId : IdentityType.AnonymousId;

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
