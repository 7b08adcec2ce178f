namespace Waterwheel.Customers.Contracts;

/// <summary>
/// The buyers of imported e-commerce orders (Tmall/Taobao, JD, Douyin, a till), named by channel and order number as
/// the import wrote them, so that another module can print something per order (a parcel card) and later tell the
/// Customers module that a WeCom contact is that order's buyer. Runs as the current actor: a background caller acts
/// as the tenant's system actor first. Order numbers are compared as the import stored them (trimmed).
/// </summary>
public interface IOrderBuyers
{
    /// <summary>Which of these order numbers of one channel an import brought in; answered in order.</summary>
    Task<IReadOnlyList<OrderMatch>> Find(string channel, IReadOnlyList<string> orderNumbers, CancellationToken ct);

    /// <summary>
    /// Links the WeCom contact to the buyer of the order: the contact's profile and the profile holding the order's
    /// buyer id become one, as the identity graph's rules allow. Idempotent: asking again links nothing new.
    /// </summary>
    Task<OrderLinkOutcome> LinkWeComContact(string channel, string orderNumber, string externalUserId, CancellationToken ct);
}

/// <summary>An order number and whether an import brought it in.</summary>
public sealed record OrderMatch(string OrderNumber, bool Found);

public enum OrderLinkOutcome
{
    /// <summary>One profile now holds the order's buyer and the WeCom contact.</summary>
    Linked,

    /// <summary>No imported order has this number in this channel (it was erased, or never imported).</summary>
    OrderUnknown,

    /// <summary>The identity graph's rules kept the two apart (two unionids, an undone merge, a per-type maximum).</summary>
    Refused,
}
