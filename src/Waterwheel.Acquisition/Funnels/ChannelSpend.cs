using Waterwheel.Acquisition.Channels;

namespace Waterwheel.Acquisition.Funnels;

/// <summary>
/// What a channel spent on each day: its cost spread evenly over its spending days (from the first to the last day
/// given, or all on the local day it was created when none are given), so that a funnel over any span carries the cost
/// of that span's days and cost per fan compares like with like.
/// </summary>
internal static class ChannelSpend
{
    /// <summary>The channel's spending days, first and last inclusive; <paramref name="createdDay"/> is its creation's local day.</summary>
    public static (DateOnly First, DateOnly Last) Days(Channel channel, DateOnly createdDay) =>
        channel is { SpendFrom: { } from, SpendTo: { } to } && to >= from ? (from, to) : (createdDay, createdDay);

    /// <summary>The yuan spent on <paramref name="day"/>, unrounded so that days add up to the cost exactly.</summary>
    public static decimal On(Channel channel, DateOnly createdDay, DateOnly day)
    {
        var (first, last) = Days(channel, createdDay);
        if (day < first || day > last) return 0;
        return channel.Cost / (last.DayNumber - first.DayNumber + 1);
    }

    /// <summary>" over 2026-11-01–2026-11-30" for the audit line when the channel has spending days, else nothing.</summary>
    public static string Period(Channel channel) => channel is { SpendFrom: { } from, SpendTo: { } to }
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", spent {from:yyyy-MM-dd}–{to:yyyy-MM-dd}") : "";
}
