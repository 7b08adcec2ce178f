using System.Net;
using Waterwheel.Acquisition.Routing;

namespace Waterwheel.Acquisition.Cards;

/// <summary>
/// The page a parcel card's QR opens on the customer's phone: the guide's display name and their QR, and nothing else
/// (no order, buyer, staff or store ids). Server-rendered with no script, in the request's language.
/// </summary>
internal static class CardPage
{
    public static string Html(string staffName, string qrCodeUrl) => Page($$"""
        <h1>{{E(AcquisitionText.Get("CardTitle"))}}</h1>
        <section id="result">
        <img id="qr" data-testid="staff-qr" alt="QR" src="{{E(qrCodeUrl)}}">
        <p data-testid="staff-name">{{E(AcquisitionText.Format("LandingScan", staffName))}}</p>
        </section>
        """);

    public static string Message(string key) => Page($"""<p data-testid="landing-status">{E(AcquisitionText.Get(key))}</p>""");

    private static string Page(string main) => $$"""
        <!DOCTYPE html>
        <html lang="{{E(System.Globalization.CultureInfo.CurrentUICulture.Name)}}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(AcquisitionText.Get("CardTitle"))}}</title><style>{{LandingPage.Style}}</style></head>
        <body><main>
        {{main}}
        </main></body></html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
