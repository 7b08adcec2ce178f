namespace Waterwheel.WeCom.Client;

public partial interface IWeComClient
{
    /// <summary>externalcontact/resigned/transfer_result: the same statuses as the on-job TransferResult.</summary>
    Task<WeComResult<TransferResultResponse>> ResignedTransferResult(WeComApp app, string handoverUserid, string takeoverUserid, string? cursor = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<TransferResultResponse>> ResignedTransferResult(WeComApp app, string handoverUserid, string takeoverUserid, string? cursor = null, CancellationToken ct = default) =>
        _transport.Post<TransferResultResponse>(app, "externalcontact/resigned/transfer_result",
            new { handover_userid = handoverUserid, takeover_userid = takeoverUserid, cursor }, ct);
}
