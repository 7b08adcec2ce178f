using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waterwheel.Customers.Identity;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Reads Segment tracking calls into <see cref="TrackingMessage"/>s, collecting every problem with its path
/// ("batch[3].userId") so that a sender fixes them all at once. Limits follow Segment's: 32 KB a message.
/// </summary>
internal static class TrackingParser
{
    public const int MaxMessageBytes = 32 * 1024;
    public const int MaxObjectChars = 16_000;
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "identify", "track", "page", "screen", "group", "alias" };

    public static TrackingMessage? Parse(JsonElement call, string? type, Guid sourceId, DateTime receivedAt, DateTimeOffset? outerSentAt,
        string path, Dictionary<string, string[]> errors)
    {
        var failed = false;
        string Key(string field) => (path, field) switch { ("", "") => "body", ("", _) => field, (_, "") => path, _ => $"{path}.{field}" };
        void Fail(string field, string message)
        {
            failed = true;
            errors[Key(field)] = [message];
        }

        if (call.ValueKind != JsonValueKind.Object) { Fail("", "Each call is a JSON object."); return null; }
        if (call.GetRawText().Length > MaxMessageBytes) { Fail("", $"A call may be at most {MaxMessageBytes / 1024} KB."); return null; }
        type ??= Text(call, "type") ?? Text(call, "action");
        if (type is null || !Types.Contains(type)) { Fail("type", "type must be identify, track, page, screen, group or alias."); return null; }

        var userId = Id(call, "userId", Fail);
        var anonymousId = Id(call, "anonymousId", Fail);
        if (userId is null && anonymousId is null && !errors.ContainsKey(Key("userId")) && !errors.ContainsKey(Key("anonymousId")))
            Fail("userId", "Send a userId or an anonymousId.");
        var messageId = Text(call, "messageId") ?? "ww-" + Guid.CreateVersion7().ToString("N");
        if (messageId.Length > 200) Fail("messageId", "messageId may be at most 200 characters.");

        var eventName = Text(call, "event");
        if (type == "track" && string.IsNullOrWhiteSpace(eventName)) Fail("event", "A track call names its event.");
        if (eventName?.Length > 100) Fail("event", "An event name may be at most 100 characters.");
        var name = Text(call, "name");
        if (name?.Length > 100) Fail("name", "A page or screen name may be at most 100 characters.");
        var groupId = Id(call, "groupId", Fail);
        if (type == "group" && groupId is null) Fail("groupId", "A group call names its groupId.");
        var previousId = Id(call, "previousId", Fail);
        if (type == "alias" && (previousId is null || userId is null)) Fail("previousId", "An alias call sends previousId and userId.");

        var context = call.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var traits = Object(call, "traits", Fail) ?? (context.ValueKind == JsonValueKind.Object ? Object(context, "traits", Fail) : null);
        var properties = Object(call, "properties", Fail);
        var timestamp = Time(call, "timestamp", Fail);
        var sentAt = Time(call, "sentAt", Fail) ?? outerSentAt;
        var externalIds = ExternalIds(context, Fail);
        var consent = ConsentPreferences.Of(context);
        if (failed) return null;

        return new TrackingMessage
        {
            Type = type, SourceId = sourceId, MessageId = messageId, UserId = userId, AnonymousId = anonymousId, Event = eventName?.Trim(),
            Name = name, GroupId = groupId, PreviousId = previousId, Traits = traits, Properties = properties, ExternalIds = externalIds, Consent = consent,
            Timestamp = ClockSkew.Correct(timestamp, sentAt, receivedAt), ReceivedAt = receivedAt,
        };
    }

    public static DateTimeOffset? SentAt(JsonElement body, Dictionary<string, string[]> errors) =>
        Time(body, "sentAt", (field, message) => errors[field] = [message]);

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // Segment's libraries send ids as strings, but some senders pass numbers; both are the same id.
    private static string? Id(JsonElement o, string name, Action<string, string> fail)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
        if (text is null) { fail(name, $"{name} is a string."); return null; }
        text = text.Trim();
        if (text.Length > IdentityValues.MaxLength) { fail(name, $"{name} may be at most {IdentityValues.MaxLength} characters."); return null; }
        return text.Length == 0 ? null : text;
    }

    private static JsonObject? Object(JsonElement o, string name, Action<string, string> fail)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Object) { fail(name, $"{name} is a JSON object."); return null; }
        if (v.GetRawText().Length > MaxObjectChars) { fail(name, $"{name} may be at most {MaxObjectChars} characters."); return null; }
        return JsonNode.Parse(v.GetRawText())!.AsObject();
    }

    private static DateTimeOffset? Time(JsonElement o, string name, Action<string, string> fail)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
        fail(name, $"{name} is an ISO-8601 time, such as 2026-11-30T09:30:00+08:00.");
        return null;
    }

    private static IReadOnlyList<ExternalId> ExternalIds(JsonElement context, Action<string, string> fail)
    {
        if (context.ValueKind != JsonValueKind.Object || !context.TryGetProperty("externalIds", out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > 20) { fail("context.externalIds", "externalIds is an array of at most 20 {id, type}."); return []; }
        var ids = new List<ExternalId>();
        foreach (var item in list.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.Object ? Id(item, "id", fail) : null;
            var type = item.ValueKind == JsonValueKind.Object ? Text(item, "type") : null;
            if (id is null || string.IsNullOrWhiteSpace(type) || type.Length > 50) { fail("context.externalIds", "Each external id has an id and a type."); return []; }
            ids.Add(new ExternalId(type.Trim(), id));
        }
        return ids;
    }
}
