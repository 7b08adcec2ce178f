namespace Waterwheel.WeCom.Client;

/// <summary>A customer whose member has left and who has not been handed to anyone yet.</summary>
public sealed class UnassignedCustomer
{
    public string HandoverUserid { get; init; } = "";
    public string ExternalUserid { get; init; } = "";
    /// <summary>When the member left (Unix seconds).</summary>
    public long DimissionTime { get; init; }
}

public sealed class UnassignedListResponse : WeComResponse
{
    public List<UnassignedCustomer> Info { get; init; } = [];
    public bool IsLast { get; init; }
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    /// <summary>
    /// externalcontact/get_unassigned_list: customers of members who left, page by page (page_size ≤1000). Walk
    /// next_cursor until is_last.
    /// </summary>
    Task<WeComResult<UnassignedListResponse>> GetUnassignedList(WeComApp app, string? cursor = null, int? pageSize = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<UnassignedListResponse>> GetUnassignedList(WeComApp app, string? cursor = null, int? pageSize = null, CancellationToken ct = default) =>
        _transport.Post<UnassignedListResponse>(app, "externalcontact/get_unassigned_list", new { cursor, page_size = pageSize }, ct);
}
