namespace Waterwheel.WeCom.Client;

public sealed class CustomerTransferStatus
{
    public string ExternalUserid { get; init; } = "";
    /// <summary>1 done, 2 waiting, 3 refused, 4 takeover member's limit reached (5 "no record" has been reported).</summary>
    public int Status { get; init; }
    public long TakeoverTime { get; init; }
}

public sealed class TransferResultResponse : WeComResponse
{
    public List<CustomerTransferStatus> Customer { get; init; } = [];
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    Task<WeComResult<TransferResultResponse>> TransferResult(WeComApp app, string handoverUserid, string takeoverUserid, string? cursor = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<TransferResultResponse>> TransferResult(WeComApp app, string handoverUserid, string takeoverUserid, string? cursor = null, CancellationToken ct = default) =>
        _transport.Post<TransferResultResponse>(app, "externalcontact/transfer_result",
            new { handover_userid = handoverUserid, takeover_userid = takeoverUserid, cursor }, ct);
}
