namespace Waterwheel.WeCom.Sync;

public enum SyncStatus { Running, Succeeded, Failed }

/// <summary>The parts of a full sync, in the order they run: each later one relies on what the earlier ones stored.</summary>
public enum SyncPhase { Staff, CorpTags, Customers, Groups, Reconcile, Done }

/// <summary>
/// One full sync of a tenant's WeCom data, phase by phase. It checkpoints after every page (which phase, which staff
/// chunk, which cursor), so a sync interrupted by a restart continues where it stopped instead of starting over.
/// </summary>
internal sealed class SyncRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public SyncStatus Status { get; set; }
    public DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; set; }
    public string RequestedBy { get; init; } = "";
    public SyncPhase Phase { get; set; }

    /// <summary>The staff who have customers, as WeCom listed them when the run began.</summary>
    public List<string> Staff { get; set; } = [];
    public bool StaffListed { get; set; }
    public int Chunk { get; set; }
    public string? Cursor { get; set; }
    public int Pages { get; set; }
    public int Members { get; set; }
    public int Tags { get; set; }
    public int Relations { get; set; }
    public int Ended { get; set; }
    public int Groups { get; set; }
    public int GroupsEnded { get; set; }
    public string? Error { get; set; }

    /// <summary>Moves on to the next phase with a fresh checkpoint.</summary>
    public void Enter(SyncPhase phase) => (Phase, Chunk, Cursor) = (phase, 0, null);
}
