using System.Text;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Facade.ContactWays;

namespace Waterwheel.WeCom.Facade.JoinWays;

/// <summary>What WeCom would refuse in a join way, and its refusals as outcomes, in the words of <see cref="ContactWayOutcomes"/>.</summary>
internal static class JoinWayOutcomes
{
    /// <summary>A join way holds at most 5 chats (41091).</summary>
    public const int ChatLimit = 5;

    public const int RoomBaseNameLimit = 40;

    /// <summary>A group welcome template's text (3,000 bytes in UTF-8).</summary>
    public const int WelcomeBytes = 3000;

    public static ContactWayOutcome? Check(JoinWaySpec spec)
    {
        if (spec.ChatIds.Count == 0 || spec.ChatIds.Any(string.IsNullOrWhiteSpace)) return ContactWayOutcomes.Invalid("NoChats");
        if (spec.ChatIds.Distinct(StringComparer.Ordinal).Count() > ChatLimit) return ContactWayOutcomes.Invalid("TooManyChats", ChatLimit);
        if (spec.State.Length > ContactWayOutcomes.TextLimit) return ContactWayOutcomes.Invalid("StateTooLong", ContactWayOutcomes.TextLimit);
        if ((spec.Remark?.Length ?? 0) > ContactWayOutcomes.TextLimit) return ContactWayOutcomes.Invalid("RemarkTooLong", ContactWayOutcomes.TextLimit);
        if ((spec.RoomBaseName?.Length ?? 0) > RoomBaseNameLimit) return ContactWayOutcomes.Invalid("RoomBaseNameTooLong", RoomBaseNameLimit);
        return null;
    }

    public static ContactWayOutcome? CheckWelcome(string text) =>
        string.IsNullOrWhiteSpace(text) ? ContactWayOutcomes.Invalid("GroupWelcomeEmpty")
        : Encoding.UTF8.GetByteCount(text) > WelcomeBytes ? ContactWayOutcomes.Invalid("GroupWelcomeTooLong", WelcomeBytes)
        : null;

    public static ContactWayOutcome From(WeComError error) => error.ErrCode switch
    {
        41091 => ContactWayOutcomes.Invalid("TooManyChats", ChatLimit),
        40050 => ContactWayOutcomes.Invalid("UnknownChat"),
        41055 => new(ContactWayStatus.QuotaReached, ContactWayOutcomes.Text("GroupWelcomeQuota")),
        _ => ContactWayOutcomes.From(error),
    };
}
