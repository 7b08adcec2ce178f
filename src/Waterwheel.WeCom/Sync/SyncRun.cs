namespace Waterwheel.WeCom.Sync;

public enum SyncStatus { Running, Succeeded, Failed }

/// <summary>
/// One full sync of a tenant's customers and relations. It checkpoints after every page (which staff chunk, which
/// cursor), so a sync interrupted by a restart continues where it stopped instead of starting over.
/// </summary>
internal sealed class SyncRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public SyncStatus Status { get; set; }
    public DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; set; }
    public string RequestedBy { get; init; } = "";

    /// <summary>The staff who have customers, as WeCom listed them when the run began.</summary>
    public List<string> Staff { get; set; } = [];
    public bool StaffListed { get; set; }
    public int Chunk { get; set; }
    public string? Cursor { get; set; }
    public int Pages { get; set; }
    public int Relations { get; set; }
    public int Ended { get; set; }
    public string? Error { get; set; }
}
