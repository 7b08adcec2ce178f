using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

public sealed class ProxyHeadersTests
{
    private const string Proxy = "10.0.0.5";

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData("198.51.100.20", false)]
    public async Task Behind_a_known_tls_proxy_the_session_cookie_is_secure_and_a_stranger_cannot_claim_https(string from, bool secure)
    {
        await using var app = new WaterwheelApp(await TestDatabase.Create("sqlite"),
            new Dictionary<string, string?> { ["Waterwheel:Proxy:KnownProxies"] = Proxy }, ClientAddress.Register);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session")
        {
            Content = JsonContent.Create(new { userName = WaterwheelApp.AdminUser, password = WaterwheelApp.AdminPassword }),
        };
        request.Headers.Add(ClientAddress.Header, from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waterwheel.session=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
    }
}
