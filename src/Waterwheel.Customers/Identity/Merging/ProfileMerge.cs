namespace Waterwheel.Customers.Identity.Merging;

/// <summary>
/// One profile folded into another, with what it takes to undo it: the identifiers that joined them and the rows
/// that moved. The merged profile stays as a row marked merged, so undoing restores it under its own id.
/// </summary>
internal sealed class ProfileMerge
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid SurvivorId { get; init; }
    public Guid MergedId { get; init; }
    public DateTime MergedAt { get; init; }

    /// <summary>The source of the write that merged them (wecom, import, a write key's source).</summary>
    public required string Source { get; init; }

    /// <summary>The identifiers (as <c>Type:Key</c>, personal data as its keyed hash) that named both profiles.</summary>
    public List<string> Cause { get; init; } = [];

    public List<Guid> MovedIdentities { get; init; } = [];
    public List<Guid> MovedRelationships { get; init; } = [];
    public List<Guid> MovedTimeline { get; init; } = [];

    /// <summary>Consent records follow the person: the survivor's state per channel is then the latest either profile was told.</summary>
    public List<Guid> MovedConsents { get; init; } = [];

    public DateTime? UndoneAt { get; set; }

    /// <summary>Who undid it: a staff member's id, or null for a system actor.</summary>
    public Guid? UndoneBy { get; set; }
}
