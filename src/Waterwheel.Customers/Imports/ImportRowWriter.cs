using System.Text.Json.Nodes;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Customers.Imports;

/// <summary>
/// Writes a batch of valid rows into the caller's unit of work: each row's identifiers find or start the person's
/// profile (merging as the identity rules say), the row describes them, and an order becomes an order line keyed by
/// its channel and number, so that the same order imported again (the same file, or an export that overlaps an
/// earlier one) is recognised and counted once.
/// </summary>
internal sealed class ImportRowWriter(CustomersDbContext db, IdentityLinks links, IdentityPreload preload, Consent.ConsentLedger consents, TimeProvider time)
{
    public const string Source = "import";

    /// <summary>How the platforms' exports call an order that never completed (closed unpaid, cancelled, fully refunded).</summary>
    private static readonly HashSet<string> Closed = ["交易关闭", "已关闭", "已取消", "订单取消", "交易取消", "取消", "已退款", "退款成功", "全额退款"];

    public static bool IsClosed(string? status) => status is not null && Closed.Contains(status.Trim());

    public async Task<(int Written, int Duplicates, int Skipped)> Write(Guid tenantId, ImportPlan plan, IReadOnlyList<ImportRecord> batch, CancellationToken ct)
    {
        var keys = batch.Where(r => r.OrderNumber is not null).Select(r => OrderKey(plan.Channel, r.OrderNumber!)).Distinct().ToList();
        var seen = keys.Count == 0 ? [] : (await db.Timeline.Where(t => keys.Contains(t.SourceKey)).Select(t => t.SourceKey).ToListAsync(ct)).ToHashSet();
        // The batch runs on a freshly cleared change tracker: read every identifier its rows name at once.
        preload.Reset();
        await preload.Load(tenantId, batch.SelectMany(r => Claims(plan, r)), ct);
        var (written, duplicates, skipped) = (0, 0, 0);
        foreach (var record in batch)
        {
            string? key = null;
            var closed = plan.Kind == ImportKind.Orders && IsClosed(record.OrderStatus);
            if (plan.Kind == ImportKind.Orders && !closed && !seen.Add(key = OrderKey(plan.Channel, record.OrderNumber!)))
            {
                duplicates++;
                continue;
            }
            var profile = await links.Resolve(tenantId, Claims(plan, record), Source, ct);
            var at = record.OrderedAt ?? time.GetUtcNow().UtcDateTime;
            profile.Describe(record.Name, null, record.Gender, at);
            // A re-import records nothing new: the ledger keeps changes, not repetitions.
            await consents.RecordChanges(tenantId, profile.Id, record.Consent, Consent.ConsentSource.Import, at, $"file import, line {record.Line}", ct);
            if (closed)
            {
                skipped++;
                continue;
            }
            if (key is not null) AddOrder(tenantId, plan, record, profile, key);
            written++;
        }
        return (written, duplicates, skipped);
    }

    /// <summary>A bounded key per order: Tmall and Taobao share order numbers, JD's are their own, so the channel is part of it.</summary>
    public static string OrderKey(string channel, string orderNumber) =>
        InboxLimits.Bound($"import:order:{channel}:{orderNumber}", TimelineEntry.SourceKeyLength);

    /// <summary>The platform's buyer id names the row first: it is the identifier the file is about.</summary>
    private static List<IdentifierClaim> Claims(ImportPlan plan, ImportRecord record)
    {
        var claims = new List<IdentifierClaim>();
        if (plan.BuyerIdType is { } type && record.BuyerId is not null) claims.Add(new(type, record.BuyerId));
        if (record.Phone is not null) claims.Add(new(IdentityType.Phone, record.Phone));
        if (record.Email is not null) claims.Add(new(IdentityType.Email, record.Email));
        return claims;
    }

    private void AddOrder(Guid tenantId, ImportPlan plan, ImportRecord record, CustomerProfile profile, string key)
    {
        var amount = record.Amount ?? 0m;
        var at = record.OrderedAt!.Value;
        profile.AddOrder(amount, at);
        // The order's own facts only: the buyer's name, mobile and address stay out of the timeline.
        var properties = new JsonObject { ["orderId"] = record.OrderNumber, ["channel"] = plan.Channel };
        if (record.Product is { } product) properties["product"] = product.Length > 200 ? product[..200] : product;
        if (record.OrderStatus is { } status) properties["status"] = status.Length > 40 ? status[..40] : status;
        if (record.PaidAt is { } paidAt) properties["paidAt"] = paidAt;
        db.Timeline.Add(new TimelineEntry
        {
            TenantId = tenantId, ProfileId = profile.Id, Kind = TimelineKind.Tracked, Subject = OrderEvents.OrderCompleted, OccurredAt = at,
            Amount = amount, Properties = properties.ToJsonString(), SourceKey = key,
        });
    }
}
