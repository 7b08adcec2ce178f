using System.Net;

namespace Waterwheel.Acquisition.Routing;

/// <summary>
/// The landing page a customer's phone opens: small, server-rendered, for a 390-pixel-wide screen, in the request's
/// language (zh-CN unless the phone asks for English). Its words travel in data attributes and its script comes from
/// our own origin, so the console's content security policy holds here too.
/// </summary>
internal static class LandingPage
{
    private static readonly string[] ScriptWords =
    [
        "LandingLocating", "LandingPickCity", "LandingCityButton", "LandingNearest", "LandingDistance", "LandingScan", "LandingJoinGroup", "LandingFallbackStaff",
        "LandingFallbackFar", "LandingError", "LandingNoCities",
    ];

    public static string Html(string token)
    {
        var words = string.Join(" ", ScriptWords.Select(k => $"data-{k.ToLowerInvariant()}=\"{E(AcquisitionText.Get(k))}\""));
        return $$"""
            <!DOCTYPE html>
            <html lang="{{E(System.Globalization.CultureInfo.CurrentUICulture.Name)}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(AcquisitionText.Get("LandingTitle"))}}</title>
            <style>{{Style}}</style>
            </head>
            <body data-token="{{E(token)}}" {{words}}>
            <main>
            <h1>{{E(AcquisitionText.Get("LandingTitle"))}}</h1>
            <p id="status" data-testid="landing-status">{{E(AcquisitionText.Get("LandingLocating"))}}</p>
            <form id="cities" data-testid="city-picker" hidden>
            <label for="city">{{E(AcquisitionText.Get("LandingPickCity"))}}</label>
            <select id="city" name="city" data-testid="city-select"></select>
            <button type="submit" data-testid="city-submit">{{E(AcquisitionText.Get("LandingCityButton"))}}</button>
            </form>
            <section id="result" data-testid="landing-result" hidden>
            <p id="notice" data-testid="landing-notice" hidden></p>
            <div id="store" hidden>
            <h2 id="store-name" data-testid="store-name"></h2>
            <p id="store-address" data-testid="store-address"></p>
            <p id="store-distance" data-testid="store-distance"></p>
            </div>
            <img id="qr" data-testid="staff-qr" alt="QR">
            <p id="scan" data-testid="staff-name"></p>
            </section>
            </main>
            <script src="/h5/lbs/landing.js"></script>
            </body>
            </html>
            """;
    }

    public static string Gone() => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(AcquisitionText.Get("LandingTitle"))}}</title><style>{{Style}}</style></head>
        <body><main><p data-testid="landing-status">{{E(AcquisitionText.Get("LandingGone"))}}</p></main></body></html>
        """;

    internal const string Style = """
        body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#222}
        main{max-width:420px;margin:0 auto;padding:24px 16px;text-align:center}
        h1{font-size:20px;margin:8px 0 16px}h2{font-size:18px;margin:8px 0 4px}
        p{margin:6px 0;line-height:1.5}#store-address,#store-distance{color:#666;font-size:14px}
        #notice{background:#fff7e6;border-radius:8px;padding:8px 12px;color:#ad6800}
        #result{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
        #qr{width:220px;height:220px;margin:12px auto 4px;display:block;background:#fafafa}
        form{display:flex;flex-direction:column;gap:10px;background:#fff;border-radius:12px;padding:16px}
        select,button{font-size:16px;padding:10px;border-radius:8px;border:1px solid #ccc;background:#fff}
        button{background:#07c160;color:#fff;border:none}
        """;

    /// <summary>
    /// Asks the phone where it is (10 seconds at most); on a refusal (or no answer) counts the denial and offers the
    /// cities with stores. Then asks the server for the staff member and shows their QR.
    /// </summary>
    public const string Script = """
        (function () {
          var body = document.body, d = body.dataset, base = '/h5/lbs/' + encodeURIComponent(d.token);
          var $ = function (id) { return document.getElementById(id); };
          function say(text) { $('status').textContent = text; $('status').hidden = false; }
          function failed(response) {
            return response.json().then(function (p) { say(p.detail || p.title || d.landingerror); }, function () { say(d.landingerror); });
          }
          function route(where) {
            return fetch(base + '/route', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(where) })
              .then(function (r) { return r.ok ? r.json().then(show) : failed(r); }, function () { say(d.landingerror); });
          }
          function show(a) {
            $('status').hidden = true; $('cities').hidden = true;
            $('notice').hidden = !a.fallback;
            $('notice').textContent = a.fallback ? (a.storeName ? d.landingfallbackfar : d.landingfallbackstaff) : '';
            $('store').hidden = !a.storeName;
            $('store-name').textContent = a.storeName || '';
            $('store-address').textContent = a.storeAddress || '';
            $('store-distance').textContent = a.distanceKm == null ? '' : d.landingdistance.replace('{0}', a.distanceKm);
            $('qr').src = a.qrCodeUrl;
            $('scan').textContent = (a.group ? d.landingjoingroup : d.landingscan).replace('{0}', a.staffName);
            $('result').hidden = false;
          }
          function pickCity() {
            fetch(base + '/denied', { method: 'POST' });
            fetch(base + '/cities').then(function (r) {
              if (!r.ok) return failed(r);
              return r.json().then(function (cities) {
                if (cities.length === 0) return say(d.landingnocities);
                var select = $('city');
                cities.forEach(function (c) { var o = document.createElement('option'); o.value = c.city; o.textContent = c.province === c.city ? c.city : c.province + ' ' + c.city; select.appendChild(o); });
                $('status').hidden = true; $('cities').hidden = false;
              });
            }, function () { say(d.landingerror); });
          }
          $('cities').addEventListener('submit', function (e) { e.preventDefault(); route({ city: $('city').value }); });
          if (!navigator.geolocation) return pickCity();
          navigator.geolocation.getCurrentPosition(
            function (p) { route({ latitude: p.coords.latitude, longitude: p.coords.longitude }); },
            pickCity, { timeout: 10000, maximumAge: 60000 });
        })();
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
