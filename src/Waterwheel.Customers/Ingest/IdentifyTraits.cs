using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waterwheel.Customers.Attributes;
using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Takes what an identify call's traits say about the person's attributes: <c>birthday</c>, <c>address.state</c> or
/// <c>province</c>, <c>address.city</c> or <c>city</c>, and every trait named like one of the brand's custom attributes.
/// A value that does not read as its attribute's type is dropped and counted, never a reason to refuse the call: the
/// rest of what the call says is still true. A trait sent as null says nothing (senders send every field they have).
/// </summary>
internal static class IdentifyTraits
{
    private static readonly Meter Meter = new("Waterwheel.Customers");
    private static readonly Counter<long> Dropped = Meter.CreateCounter<long>("waterwheel.customers.traits_dropped", description: "identify trait values dropped as invalid");

    /// <summary>Applies the traits to the profile; returns the keys of the values dropped.</summary>
    public static IReadOnlyList<string> Apply(CustomerProfile profile, JsonObject? traits, IReadOnlyDictionary<string, AttributeDefinition> definitions, DateTime now)
    {
        if (traits is null) return [];
        var dropped = new List<string>();
        if (traits["birthday"] is { } birthday)
        {
            if (Text(birthday) is { } text && AttributeValues.Date(text) is { } date && ProfileAttributes.PlausibleBirthday(date, now)) profile.Birthday = date;
            else dropped.Add("birthday");
        }
        var address = traits["address"] as JsonObject;
        if (Place(address?["state"] ?? traits["province"], "province", dropped) is { } province) profile.Province = province;
        if (Place(address?["city"] ?? traits["city"], "city", dropped) is { } city) profile.City = city;

        var values = AttributeValues.Read(profile.Attributes);
        foreach (var (key, node) in traits)
        {
            if (node is null || !definitions.TryGetValue(key, out var definition)) continue;
            var (value, error) = AttributeValues.Parse(definition.Type, definition.Options, node);
            if (error is null && value is not null) values[key] = value;
            else dropped.Add(key);
        }
        if (AttributeValues.Write(values) is var stored && (stored?.Length ?? 0) <= ProfileAttributes.StoredLength) profile.Attributes = stored;
        if (dropped.Count > 0) Dropped.Add(dropped.Count);
        return dropped;
    }

    private static string? Place(JsonNode? node, string name, List<string> dropped)
    {
        if (node is null) return null;
        if (Text(node) is { Length: > 0 and <= ProfileAttributes.PlaceLength } text) return text;
        dropped.Add(name);
        return null;
    }

    private static string? Text(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;
}
