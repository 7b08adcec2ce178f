using System.Globalization;
using System.Resources;
using Waterwheel.WeCom.Client;

namespace Waterwheel.WeCom.Connections;

/// <summary>
/// What "test connection" tells the operator, in their language: connected, or which WeCom setting to fix for the errors
/// a new connection meets (wrong corp id or secret, untrusted IP, API not granted). Other errors keep WeCom's code and text.
/// </summary>
internal static class ConnectionText
{
    private static readonly ResourceManager Resources = new("Waterwheel.WeCom.Resources.ConnectionText", typeof(ConnectionText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Explain(WeComError error)
    {
        if (error.ErrCode is { } code && Resources.GetString($"E{code}", CultureInfo.CurrentUICulture) is { } hint) return hint;
        if (error.Kind == WeComErrorKind.Transport) return Get("Transport");
        return string.Format(CultureInfo.CurrentCulture, Get("Other"), error.ErrCode?.ToString(CultureInfo.InvariantCulture) ?? "-", error.Message);
    }
}
