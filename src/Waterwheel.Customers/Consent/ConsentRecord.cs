namespace Waterwheel.Customers.Consent;

/// <summary>
/// One grant or withdrawal of marketing consent on one channel. Records are only ever added: the current state of a
/// channel is its latest record by <see cref="At"/>, and the rows before it are the history the brand shows when
/// asked how it came to message someone.
/// </summary>
internal sealed class ConsentRecord
{
    public const int EvidenceLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }

    /// <summary>Null once the person was erased: the record still counts (a withdrawal on a channel) but names nobody.</summary>
    public Guid? ProfileId { get; set; }

    public ConsentChannel Channel { get; init; }
    public bool Granted { get; init; }
    public ConsentSource Source { get; init; }

    /// <summary>When the person gave or withdrew it, as the source says (a tracking call's corrected timestamp).</summary>
    public DateTime At { get; init; }

    /// <summary>The staff member (their sign-in name) who recorded it in the console or API, else null.</summary>
    public string? RecordedBy { get; init; }

    /// <summary>What backs it: a staff member's note, or the tracking call's messageId. Blanked at erasure.</summary>
    public string? Evidence { get; set; }
}
