namespace Waterwheel.WeCom.Client;

/// <summary>At most 100 customers per call; the handover member must have left (40097 otherwise).</summary>
public sealed record ResignedTransferRequest(string HandoverUserid, string TakeoverUserid, IReadOnlyList<string> ExternalUserid);

public partial interface IWeComClient
{
    /// <summary>
    /// externalcontact/resigned/transfer_customer: hands a departed member's customers to a colleague. As on the job,
    /// errcode 0 per customer only means the 24 h takeover started; read progress with ResignedTransferResult.
    /// </summary>
    Task<WeComResult<TransferCustomerResponse>> TransferResignedCustomer(WeComApp app, ResignedTransferRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<TransferCustomerResponse>> TransferResignedCustomer(WeComApp app, ResignedTransferRequest request, CancellationToken ct = default) =>
        _transport.Post<TransferCustomerResponse>(app, "externalcontact/resigned/transfer_customer", request, ct);
}
