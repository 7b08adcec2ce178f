namespace Waterwheel.Customers.Profiles.Search;

/// <summary>How names become <see cref="ProfileNameTerm"/>s and how a search text picks the term to look up.</summary>
internal static class NameTerms
{
    /// <summary>Every single character and every adjacent pair of the name, lower-cased, without repeats.</summary>
    public static IReadOnlySet<string> Of(string? name)
    {
        var text = Normalise(name);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            terms.Add(text[i].ToString());
            if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) terms.Add(text.Substring(i, 2));
        }
        return terms;
    }

    /// <summary>
    /// The one term whose profiles contain every name matching the search: its first pair (or its only character). The
    /// search then checks the whole text on those profiles alone.
    /// </summary>
    public static string? ForSearch(string search)
    {
        var text = Normalise(search);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            return i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) ? text.Substring(i, 2) : text[i].ToString();
        }
        return null;
    }

    public static string Normalise(string? text) => (text ?? "").Trim().ToLowerInvariant();
}
