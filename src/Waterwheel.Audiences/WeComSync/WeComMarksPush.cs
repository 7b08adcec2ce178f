using Microsoft.Extensions.Logging;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Audiences.WeComSync;

/// <summary>
/// Puts a customer's tag on (or takes it off) in WeCom, on each WeCom contact the profile holds. Marking is idempotent
/// in WeCom, so a retried message does no harm. A customer who is no WeCom contact, a tenant not connected and a tag
/// WeCom no longer has need nothing; a busy or unreachable WeCom is retried by the inbox.
/// </summary>
internal sealed class WeComMarksPush(ICustomerFacts facts, IWeComTags wecom, ILogger<WeComMarksPush> log) : IIntegrationEventHandler<WeComMarksWanted>
{
    public async Task Handle(WeComMarksWanted wanted, CancellationToken ct)
    {
        foreach (var contact in await facts.WeComContacts(wanted.ProfileId, ct))
        {
            var outcome = await wecom.MarkCustomer(wanted.TenantId, contact, null, wanted.Add, wanted.Remove, ct);
            if (outcome.IsDone || outcome.Status is WeComTagStatus.NotConnected or WeComTagStatus.NoRelation or WeComTagStatus.NotFound) continue;
            if (outcome.Retryable) throw new WeComPushException(outcome);
            log.LogWarning("WeCom refused a customer's tags ({Status}): {Error}", outcome.Status, outcome.Error);
        }
    }
}

/// <summary>WeCom could not take a change now and may later: the inbox retries the message with back-off.</summary>
internal sealed class WeComPushException(WeComTagOutcome outcome) : Exception($"WeCom: {outcome.Status} {outcome.Error}");
