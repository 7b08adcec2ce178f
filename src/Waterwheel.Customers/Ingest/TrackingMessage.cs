using System.Text.Json;
using System.Text.Json.Nodes;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// One call of the Segment tracking spec (identify, track, page, screen, group, alias), as accepted and stored in the
/// inbox: the fields the handler needs, the timestamp already corrected for the sender's clock, and where it came from.
/// </summary>
internal sealed record TrackingMessage
{
    public required string Type { get; init; }
    public required Guid SourceId { get; init; }
    public required string MessageId { get; init; }
    public string? UserId { get; init; }
    public string? AnonymousId { get; init; }
    public string? Event { get; init; }
    public string? Name { get; init; }
    public string? GroupId { get; init; }
    public string? PreviousId { get; init; }
    public JsonObject? Traits { get; init; }
    public JsonObject? Properties { get; init; }

    /// <summary>Segment's <c>context.externalIds</c>: further identifiers (a unionid, a Tmall buyer id) typed by name.</summary>
    public IReadOnlyList<ExternalId> ExternalIds { get; init; } = [];

    /// <summary>
    /// The person's marketing preferences the sender passed on (<c>context.consent.categoryPreferences</c>, ADR 11), by
    /// channel code; codes the brand does not know and values that are not true or false were left out.
    /// </summary>
    public IReadOnlyDictionary<string, bool>? Consent { get; init; }

    public DateTime Timestamp { get; init; }
    public DateTime ReceivedAt { get; init; }

    /// <summary>Messages of one person reach the handler in order: keyed by the id the sender knows them by.</summary>
    public string Partition => UserId is { } user ? "u:" + user : "a:" + AnonymousId;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The inbox payload of calls stored together: a JSON array of them.</summary>
    public static string Store(IReadOnlyList<TrackingMessage> calls) => JsonSerializer.Serialize(calls, Json);

    /// <summary>The calls of a stored payload; a single object is one call, as stored before calls travelled in lanes.</summary>
    public static IReadOnlyList<TrackingMessage> Read(string payload) => payload.TrimStart().StartsWith('[')
        ? JsonSerializer.Deserialize<List<TrackingMessage>>(payload, Json) ?? []
        : [JsonSerializer.Deserialize<TrackingMessage>(payload, Json) ?? throw new InvalidOperationException("A stored tracking call is empty.")];
}

internal sealed record ExternalId(string Type, string Id);
