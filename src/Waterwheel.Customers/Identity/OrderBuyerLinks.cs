using Waterwheel.Customers.Contracts;
using Waterwheel.Customers.Imports;

namespace Waterwheel.Customers.Identity;

/// <summary>
/// The Customers module's answer to <see cref="IOrderBuyers"/>. An imported order is its timeline line, keyed by channel
/// and number (<see cref="ImportRowWriter.OrderKey"/>); its buyer is the profile that line is on now (merges move it).
/// Linking a WeCom contact claims the contact and the buyer's platform id together, so the identity graph decides the
/// merge by its usual rules (ADR 9): the contact is the write's subject, as in every WeCom write.
/// </summary>
internal sealed class OrderBuyerLinks(CustomersDbContext db, IdentityLinks links, IdentityKeys keys) : IOrderBuyers
{
    public const string Source = "parcel-card";

    /// <summary>The platform ids an order's buyer is known by, the channel's own first; the order of the rest is a tie-break.</summary>
    private static readonly IdentityType[] BuyerTypes = [IdentityType.TaobaoBuyerId, IdentityType.JdPin, IdentityType.DouyinOpenId, IdentityType.PosMemberNumber];

    public async Task<IReadOnlyList<OrderMatch>> Find(string channel, IReadOnlyList<string> orderNumbers, CancellationToken ct)
    {
        var keyOf = orderNumbers.Distinct().ToDictionary(n => n, n => ImportRowWriter.OrderKey(channel, n.Trim()));
        var found = new HashSet<string>();
        foreach (var chunk in keyOf.Values.Distinct().Chunk(500))
            found.UnionWith(await db.Timeline.AsNoTracking().Where(t => chunk.Contains(t.SourceKey)).Select(t => t.SourceKey!).ToListAsync(ct));
        return orderNumbers.Select(n => new OrderMatch(n, found.Contains(keyOf[n]))).ToList();
    }

    public async Task<OrderLinkOutcome> LinkWeComContact(string channel, string orderNumber, string externalUserId, CancellationToken ct)
    {
        var key = ImportRowWriter.OrderKey(channel, orderNumber.Trim());
        var buyerId = await db.Timeline.AsNoTracking().Where(t => t.SourceKey == key).Select(t => (Guid?)t.ProfileId).FirstOrDefaultAsync(ct);
        if (buyerId is not { } profileId || db.CurrentTenant is not { } tenantId) return OrderLinkOutcome.OrderUnknown;
        var held = await db.Identities.AsNoTracking().Where(i => i.ProfileId == profileId && i.Type != IdentityType.WeComExternalUserId)
            .OrderBy(i => i.LinkedAt).ThenBy(i => i.Id).ToListAsync(ct);
        // An order imported with a phone but no buyer id still names its buyer by that phone.
        var own = Owns(channel);
        var buyer = held.FirstOrDefault(i => i.Type == own) ?? held.FirstOrDefault(i => BuyerTypes.Contains(i.Type)) ?? held.FirstOrDefault();
        if (buyer is null) return OrderLinkOutcome.OrderUnknown;

        var profile = await links.Resolve(tenantId,
            [new IdentifierClaim(IdentityType.WeComExternalUserId, externalUserId), new IdentifierClaim(buyer.Type, keys.Reveal(buyer))], Source, ct);
        await db.SaveChangesAsync(ct);
        return await db.Identities.AnyAsync(i => i.ProfileId == profile.Id && i.Id == buyer.Id, ct) ? OrderLinkOutcome.Linked : OrderLinkOutcome.Refused;
    }

    /// <summary>The buyer id type the built-in template of the channel imports; none for a channel of the tenant's own templates.</summary>
    private static IdentityType? Owns(string channel) =>
        BuiltInTemplates.All.FirstOrDefault(t => t.Kind == ImportKind.Orders && t.Channel == channel)?.BuyerIdType;
}
