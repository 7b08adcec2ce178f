using Waterwheel.WeCom.Alerts;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts.Events;

/// <summary>
/// A succession transfer failed: the customer stays with the handover member and no new relation forms. Operators
/// get an alert naming why, so they can pick another takeover member or ask the customer again.
/// </summary>
internal sealed class TransferFailedHandler(WeComDbContext db) : WeComEventHandler<TransferFailed>
{
    protected override async Task Handle(TransferFailed failed, TenantCorp corp, CancellationToken ct)
    {
        if (await db.RelationAlerts.AnyAsync(a => a.EventKey == failed.DedupeKey, ct)) return;
        db.RelationAlerts.Add(new RelationAlert
        {
            TenantId = corp.TenantId,
            Kind = failed.FailReason switch
            {
                TransferFailed.CustomerRefused => RelationAlertKind.TransferRefused,
                TransferFailed.CustomerLimitExceed => RelationAlertKind.TransferLimitReached,
                _ => RelationAlertKind.TransferFailed,
            },
            EventKey = failed.DedupeKey,
            ExternalUserId = failed.ExternalUserId,
            StaffUserId = failed.UserId,
            OccurredAt = DateTimeOffset.FromUnixTimeSeconds(failed.Header.CreateTime).UtcDateTime,
            Detail = failed.FailReason,
        });
        await db.SaveChangesAsync(ct);
    }
}
