namespace Waterwheel.WeCom.Client;

/// <summary>Times are unix seconds; WeCom lists only ways created through the API.</summary>
public sealed record ListContactWaysRequest(long? StartTime = null, long? EndTime = null, string? Cursor = null, int? Limit = null);

public sealed class ContactWayId
{
    public string ConfigId { get; init; } = "";
}

public sealed class ListContactWaysResponse : WeComResponse
{
    public List<ContactWayId> ContactWay { get; init; } = [];
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<ListContactWaysResponse>> ListContactWays(WeComApp app, ListContactWaysRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<ListContactWaysResponse>> ListContactWays(WeComApp app, ListContactWaysRequest request, CancellationToken ct = default) =>
        _transport.Post<ListContactWaysResponse>(app, "externalcontact/list_contact_way", request, ct);
}
