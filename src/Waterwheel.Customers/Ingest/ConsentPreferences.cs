using System.Text.Json;
using Waterwheel.Customers.Consent;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Reads Segment's consent convention, <c>context.consent.categoryPreferences</c>, with the brand's channel codes as
/// categories (ADR 11): <c>{"sms": true, "email": false}</c>. Consent is said again on every call, so a category the
/// brand does not know or a value that is not a boolean is left out rather than refusing the event it rides on.
/// </summary>
internal static class ConsentPreferences
{
    public static IReadOnlyDictionary<string, bool>? Of(JsonElement context)
    {
        if (context.ValueKind != JsonValueKind.Object
            || !context.TryGetProperty("consent", out var consent) || consent.ValueKind != JsonValueKind.Object
            || !consent.TryGetProperty("categoryPreferences", out var preferences) || preferences.ValueKind != JsonValueKind.Object) return null;
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var p in preferences.EnumerateObject())
            if (ConsentChannels.ByCode.ContainsKey(p.Name) && p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                known[p.Name.ToLowerInvariant()] = p.Value.GetBoolean();
        return known.Count == 0 ? null : known;
    }
}
