namespace Waterwheel.WeCom.Client;

/// <summary>At most 100 customers per call; a customer can be transferred at most twice in 90 days.</summary>
public sealed record TransferCustomerRequest(string HandoverUserid, string TakeoverUserid, IReadOnlyList<string> ExternalUserid, string? TransferSuccessMsg = null);

/// <summary>Errcode 0 only means the transfer started; it completes after 24 h unless the customer refuses.</summary>
public sealed class CustomerTransferStart
{
    public string ExternalUserid { get; init; } = "";
    public int Errcode { get; init; }
}

public sealed class TransferCustomerResponse : WeComResponse
{
    public List<CustomerTransferStart> Customer { get; init; } = [];
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/transfer_customer: on-job succession. Check each customer's own errcode.</summary>
    Task<WeComResult<TransferCustomerResponse>> TransferCustomer(WeComApp app, TransferCustomerRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<TransferCustomerResponse>> TransferCustomer(WeComApp app, TransferCustomerRequest request, CancellationToken ct = default) =>
        _transport.Post<TransferCustomerResponse>(app, "externalcontact/transfer_customer", request, ct);
}
