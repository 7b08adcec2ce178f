using System.Globalization;
using System.Resources;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>
/// The one place where a refused tag call becomes an outcome another module can act on: the errcodes the tag APIs
/// name get their own status, settings an admin must fix say which, and the rest keep WeCom's code and whether to retry.
/// </summary>
internal static class TagOutcomes
{
    public const int NameLimit = 30;

    private static readonly ResourceManager Resources = new("Waterwheel.WeCom.Resources.TagText", typeof(TagOutcomes).Assembly);

    public static WeComTagOutcome Done { get; } = new(WeComTagStatus.Done);

    public static WeComTagOutcome NotConnected => new(WeComTagStatus.NotConnected, Text("NotConnected"));

    public static WeComTagOutcome NameExists => new(WeComTagStatus.NameExists, Text("NameExists"));

    public static WeComTagOutcome Invalid(string key, params object[] args) =>
        new(WeComTagStatus.Invalid, string.Format(CultureInfo.CurrentCulture, Text(key), args));

    /// <summary>A name WeCom would refuse, or null when it is fine.</summary>
    public static WeComTagOutcome? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Invalid("NameRequired") : name.Length > NameLimit ? Invalid("NameTooLong", NameLimit) : null;

    public static WeComTagOutcome From(WeComError error) => error.ErrCode switch
    {
        40071 => NameExists,
        40068 => new(WeComTagStatus.NotFound, Text("NotFound")),
        84061 or 40096 => new(WeComTagStatus.NoRelation, Text("NoRelation")),
        _ when error.Kind is WeComErrorKind.Permission or WeComErrorKind.Credentials => new(WeComTagStatus.Refused, ConnectionText.Explain(error)),
        _ => new(WeComTagStatus.Failed, ConnectionText.Explain(error), error.IsRetryable),
    };

    public static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
