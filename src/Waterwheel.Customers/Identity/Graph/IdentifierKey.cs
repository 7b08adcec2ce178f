namespace Waterwheel.Customers.Identity.Graph;

/// <summary>An identifier in its stored form (for personal data the keyed hash), as the graph compares them.</summary>
internal readonly record struct IdentifierKey(IdentityType Type, string Key)
{
    public override string ToString() => $"{Type}:{Key}";

    /// <summary>The reverse of <see cref="ToString"/>, for what the merge history stores.</summary>
    public static IdentifierKey Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new IdentifierKey(Enum.Parse<IdentityType>(text[..colon]), text[(colon + 1)..]);
    }
}

/// <summary>A profile as the graph sees it: when it began (the survivor rule needs it) and what names it.</summary>
internal sealed record GraphProfile(Guid Id, DateTime CreatedAt, IReadOnlyCollection<IdentifierKey> Identifiers);

/// <summary>
/// Two profiles an operator pulled apart by undoing a merge, with the identifiers that had merged them. The same
/// evidence does not merge them again; a link through any other identifier is new evidence and does.
/// </summary>
internal sealed record Separation(Guid First, Guid Second, IReadOnlySet<IdentifierKey> Evidence);
