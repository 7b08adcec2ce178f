namespace Waterwheel.Customers.Identity.Graph;

/// <summary>Why an incoming identifier was not linked by a write.</summary>
internal enum DropReason
{
    /// <summary>On the tenant's block list: it names nobody.</summary>
    Blocked,

    /// <summary>Marked shared (a store's tablet): it belongs to many people.</summary>
    Shared,

    /// <summary>Linking it would give a profile more of its type than the maximum (e.g. a second unionid).</summary>
    Maximum,

    /// <summary>Its type may name a profile but not join two.</summary>
    MayNotMerge,

    /// <summary>It is the evidence of a merge an operator undid.</summary>
    Separated,
}

internal sealed record DroppedIdentifier(IdentifierKey Identifier, DropReason Reason);

/// <summary>
/// What one write does to the graph. <see cref="Survivor"/> is null when no profile is named and a new one begins;
/// <see cref="Merged"/> fold into the survivor, oldest first; <see cref="Link"/> are the incoming identifiers no
/// profile holds yet, for the survivor; <see cref="Cause"/> the held identifiers that joined the profiles.
/// </summary>
internal sealed record LinkPlan(
    Guid? Survivor,
    IReadOnlyList<Guid> Merged,
    IReadOnlyList<IdentifierKey> Link,
    IReadOnlyList<IdentifierKey> Cause,
    IReadOnlyList<DroppedIdentifier> Dropped);
