using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// Succession of a departed member's customers (spec §4.7): the unassigned list, the transfer (24 h, like on-job)
/// and its result. Only members who left within the past year qualify.
/// </summary>
internal static class ResignedTransferApi
{
    public static readonly TimeSpan Eligibility = TimeSpan.FromDays(365);
    public const int NotResigned = 40097;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/get_unassigned_list", (corp, r) =>
        {
            var pageSize = (int)(r.Long("page_size") ?? 1000);
            if (pageSize is < 1 or > 1000) return SimJson.Error(SimErrors.InvalidParameter);
            var rows = Unassigned(corp, r.Instant);
            if (!SimPaging.TryPage(rows, r.Str("cursor"), pageSize, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["info"] = page.Select(x => new Dictionary<string, object?>
                {
                    ["handover_userid"] = x.Follow.Userid, ["external_userid"] = x.Follow.ExternalUserid, ["dimission_time"] = x.LeftAt,
                }).ToList(),
                ["is_last"] = next.Length == 0,
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/resigned/transfer_customer", (corp, r) =>
        {
            var (handover, takeover) = (r.Str("handover_userid") ?? "", r.Str("takeover_userid") ?? "");
            var customers = r.Strings("external_userid") ?? [];
            if (customers.Count is 0 or > 100) return SimJson.Error(SimErrors.InvalidParameter);
            if (!corp.Staff.TryGetValue(handover, out var leaver) || corp.Staff.GetValueOrDefault(takeover) is not { IsActive: true })
                return SimJson.Error(60111);
            if (!Eligible(leaver, r.Instant)) return SimJson.Error(NotResigned);

            var answers = customers.Select(c => new Dictionary<string, object?>
            {
                ["external_userid"] = c, ["errcode"] = TransferApi.Start(corp, handover, takeover, c, r.Instant, resigned: true),
            });
            return SimJson.Ok(new() { ["customer"] = answers.ToList() });
        });

        routes.Post("externalcontact/resigned/transfer_result", (corp, r) =>
        {
            var rows = corp.Transfers.Where(t => t.Resigned && t.Handover == r.Str("handover_userid") && t.Takeover == r.Str("takeover_userid")).ToList();
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

    private static bool Eligible(SimStaff staff, DateTimeOffset now) => staff.ResignedAt is { } left && now - left <= Eligibility;

    /// <summary>Customers of eligible leavers with no transfer waiting or done; a refused one is listed again.</summary>
    private static List<(SimFollow Follow, long LeftAt)> Unassigned(SimCorp corp, DateTimeOffset now) =>
        corp.Follows
            .Where(f => corp.Staff.TryGetValue(f.Userid, out var s) && Eligible(s, now))
            .Where(f => !corp.Transfers.Any(t => t.Handover == f.Userid && t.ExternalUserid == f.ExternalUserid && t.Status is 1 or 2))
            .Select(f => (Follow: f, LeftAt: corp.Staff[f.Userid].ResignedAt!.Value.ToUnixTimeSeconds()))
            .OrderBy(x => x.LeftAt).ThenBy(x => x.Follow.Userid, StringComparer.Ordinal).ThenBy(x => x.Follow.CreateTime)
            .ThenBy(x => x.Follow.ExternalUserid, StringComparer.Ordinal)
            .ToList();
}
