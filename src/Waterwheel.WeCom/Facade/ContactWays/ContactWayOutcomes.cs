using System.Globalization;
using System.Resources;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade.ContactWays;

/// <summary>
/// The one place where a refused contact_way call becomes an outcome: the errcodes the reference names get their
/// own status, settings an admin must fix say which, and the rest keep WeCom's code and whether to retry.
/// </summary>
internal static class ContactWayOutcomes
{
    /// <summary>WeCom's limit on state and remark alike.</summary>
    public const int TextLimit = 30;

    /// <summary>A multi-member way takes at most 100 members (41041).</summary>
    public const int MemberLimit = 100;

    private static readonly ResourceManager Resources = new("Waterwheel.WeCom.Resources.ContactWayText", typeof(ContactWayOutcomes).Assembly);

    public static ContactWayOutcome Done { get; } = new(ContactWayStatus.Done);

    public static ContactWayOutcome NotConnected => new(ContactWayStatus.NotConnected, Text("NotConnected"));

    public static ContactWayOutcome Invalid(string key, params object[] args) =>
        new(ContactWayStatus.Invalid, string.Format(CultureInfo.CurrentCulture, Text(key), args));

    /// <summary>What WeCom would refuse in a spec, or null when it would take it.</summary>
    public static ContactWayOutcome? Check(ContactWaySpec spec)
    {
        if (spec.UserIds.Count == 0 || spec.UserIds.Any(string.IsNullOrWhiteSpace)) return Invalid("NoMembers");
        if (spec.Single && spec.UserIds.Count != 1) return Invalid("SingleTakesOne");
        if (spec.UserIds.Distinct(StringComparer.Ordinal).Count() > MemberLimit) return Invalid("TooManyMembers", MemberLimit);
        if (spec.State.Length > TextLimit) return Invalid("StateTooLong", TextLimit);
        if ((spec.Remark?.Length ?? 0) > TextLimit) return Invalid("RemarkTooLong", TextLimit);
        return null;
    }

    public static ContactWayOutcome From(WeComError error) => error.ErrCode switch
    {
        41044 => new(ContactWayStatus.NotFound, Text("NotFound")),
        41045 => new(ContactWayStatus.QuotaReached, Text("QuotaReached")),
        41041 => Invalid("TooManyMembers", MemberLimit),
        60111 or 41054 or 40098 => new(ContactWayStatus.UnusableMember, Text("UnusableMember")),
        _ when error.Kind is WeComErrorKind.Permission or WeComErrorKind.Credentials => new(ContactWayStatus.Refused, ConnectionText.Explain(error)),
        _ => new(ContactWayStatus.Failed, ConnectionText.Explain(error), error.IsRetryable),
    };

    public static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
