using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Waterwheel.Customers.Profiles.Search;

/// <summary>
/// Where a page of profiles ended: the last row's sort value and id, for the order the page was read in. The next page
/// starts after it through the index, so page 5,000 costs what page 1 costs and rows inserted meanwhile neither repeat
/// nor vanish. Opaque to clients; a cursor from another order is refused rather than misread.
/// </summary>
internal sealed record ProfileCursor(ProfileOrder Order, Guid Id, string? Name, DateTime At)
{
    public string Encode()
    {
        var value = Order.Column == ProfileOrder.Name ? Name ?? "" : At.Ticks.ToString(CultureInfo.InvariantCulture);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Order.Column}|{(Order.Descending ? 1 : 0)}|{Id:N}|{value}"));
    }

    public static ProfileCursor? Decode(string text, ProfileOrder order)
    {
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)); }
        catch (FormatException) { return null; }
        var parts = decoded.Split('|', 4);
        if (parts.Length != 4 || parts[0] != order.Column || parts[1] != (order.Descending ? "1" : "0")) return null;
        if (!Guid.TryParseExact(parts[2], "N", out var id)) return null;
        if (order.Column == ProfileOrder.Name) return new ProfileCursor(order, id, parts[3], default);
        return long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new ProfileCursor(order, id, null, new DateTime(ticks, DateTimeKind.Utc))
            : null;
    }

    public static ProfileCursor After(CustomerProfile last, ProfileOrder order) => new(order, last.Id, last.Name,
        order.Column == ProfileOrder.FirstSeenAt ? last.FirstSeenAt : last.LastSeenAt);
}
