using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// On-job succession (spec §4.7): a transfer waits 24 h and then moves the relation, unless the customer refuses.
/// A customer can be transferred at most twice in 90 days. Transfers settle lazily, whenever the corp is read.
/// </summary>
internal static class TransferApi
{
    public static readonly TimeSpan TakeoverDelay = TimeSpan.FromHours(24);
    public const int TooFrequent = 40128;
    public const int AlreadyTransferring = 40129;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/transfer_customer", (corp, r) =>
        {
            Settle(corp, r.Instant);
            var (handover, takeover) = (r.Str("handover_userid") ?? "", r.Str("takeover_userid") ?? "");
            var customers = r.Strings("external_userid") ?? [];
            // A member who left is gone from the address book; their customers go through resigned/transfer_customer.
            if (corp.Staff.GetValueOrDefault(handover) is not { IsActive: true } || corp.Staff.GetValueOrDefault(takeover) is not { IsActive: true })
                return SimJson.Error(60111);
            if (handover == takeover || customers.Count is 0 or > 100 || (r.Str("transfer_success_msg")?.Length ?? 0) > 200)
                return SimJson.Error(SimErrors.InvalidParameter);

            var answers = customers.Select(c => new Dictionary<string, object?> { ["external_userid"] = c, ["errcode"] = Start(corp, handover, takeover, c, r.Instant) });
            return SimJson.Ok(new() { ["customer"] = answers.ToList() });
        });

        routes.Post("externalcontact/transfer_result", (corp, r) =>
        {
            Settle(corp, r.Instant);
            var rows = corp.Transfers.Where(t => !t.Resigned && t.Handover == r.Str("handover_userid") && t.Takeover == r.Str("takeover_userid")).ToList();
            if (!SimPaging.TryPage(rows, r.Str("cursor"), 1000, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["customer"] = page.Select(t => new Dictionary<string, object?>
                {
                    ["external_userid"] = t.ExternalUserid, ["status"] = t.Status, ["takeover_time"] = t.TakeoverTime,
                }).ToList(),
                ["next_cursor"] = next,
            });
        });
    }

    /// <summary>
    /// Starts one customer's transfer and answers its errcode. Only on-job transfers count towards (and are held to)
    /// the 2-in-90-days limit: whether it applies to resigned members' customers is not confirmed.
    /// </summary>
    public static int Start(SimCorp corp, string handover, string takeover, string customer, DateTimeOffset now, bool resigned = false)
    {
        if (corp.Follow(handover, customer) is null) return 84061;
        if (corp.Transfers.Any(t => t.ExternalUserid == customer && t.Handover == handover && t.Status == 2)) return AlreadyTransferring;
        if (!resigned && corp.Transfers.Count(t => !t.Resigned && t.ExternalUserid == customer && now - t.StartedAt < TimeSpan.FromDays(90)) >= 2)
            return TooFrequent;
        corp.Transfers.Add(new SimTransfer { Handover = handover, Takeover = takeover, ExternalUserid = customer, StartedAt = now, Resigned = resigned });
        return 0;
    }

    /// <summary>Completes waiting transfers older than 24 h: the customer now belongs to the takeover member.</summary>
    public static void Settle(SimCorp corp, DateTimeOffset now)
    {
        foreach (var t in corp.Transfers.Where(t => t.Status == 2 && now - t.StartedAt >= TakeoverDelay))
        {
            var old = corp.Follow(t.Handover, t.ExternalUserid);
            if (old is not null) corp.Follows.Remove(old);
            var takenAt = (t.StartedAt + TakeoverDelay).ToUnixTimeSeconds();
            corp.Relate(t.Takeover, t.ExternalUserid, takenAt, addWay: 202);
            (t.Status, t.TakeoverTime) = (1, takenAt);
        }
    }
}
