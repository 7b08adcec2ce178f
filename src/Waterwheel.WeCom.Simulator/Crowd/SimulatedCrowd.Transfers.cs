using Waterwheel.WeCom.Simulator.Api;

namespace Waterwheel.WeCom.Simulator.Crowd;

public sealed partial class SimulatedCrowd
{
    /// <summary>The customer refuses a pending transfer: it fails and WeCom pushes transfer_fail to the takeover member's corp.</summary>
    public Task<CrowdOutcome> CustomerRefusesTransfer(string corpId, string handover, string takeover, string externalUserid, CancellationToken ct = default)
    {
        var corp = state.Corp(corpId);
        string xml;
        lock (state.Sync)
        {
            TransferApi.Settle(corp, state.Time.GetUtcNow());
            var transfer = corp.Transfers.Single(t => t.Handover == handover && t.Takeover == takeover && t.ExternalUserid == externalUserid && t.Status == 2);
            transfer.Status = 3;
            xml = SimEventXml.Build(corpId, state.Now, "change_external_contact", "transfer_fail",
                ("UserID", takeover), ("ExternalUserID", externalUserid), ("FailReason", "customer_refused"));
        }
        return Raise(corp, "transfer_fail", xml, takeover, externalUserid, null, ct);
    }
}
