using System.Text.Json.Nodes;
using Waterwheel.Customers.Attributes;

namespace Waterwheel.Customers.Profiles;

/// <summary>
/// What the brand keeps about a person beyond their identifiers: the built-in birthday, province and city, and the
/// values of its custom attributes by key. <see cref="Version"/> is the profile's, for If-Match on an edit.
/// </summary>
public sealed record ProfileAttributesView(DateOnly? Birthday, string? Province, string? City, IReadOnlyDictionary<string, JsonNode?> Values, int Version);

internal static class ProfileAttributes
{
    public const int StoredLength = 8000;
    public const int PlaceLength = 50;

    public static ProfileAttributesView View(CustomerProfile p) =>
        new(p.Birthday, p.Province, p.City, AttributeValues.Read(p.Attributes).ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()), p.Version);

    /// <summary>A birthday is a past date within a plausible life: a date of the future or of 1800 is a typing error.</summary>
    public static bool PlausibleBirthday(DateOnly date, DateTime now) => date <= DateOnly.FromDateTime(now) && date.Year >= 1900;
}
