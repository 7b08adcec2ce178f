using System.Net;
using System.Net.Http.Json;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// Every customer endpoint that names a profile, asked by every role about a dealer's customer and about a head-office
/// store's customer: each answers as the rule says (seen, masked, not found, or not permitted), never more.
/// </summary>
public abstract class ProfileScopeSweepTests(string provider) : IAsyncLifetime
{
    private BrandWithWeCom _brand = null!;

    public async Task InitializeAsync() => _brand = await BrandWithWeCom.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    private static readonly string[] Reads = ["", "/timeline", "/orders", "/merges", "/consents"];
    private const string PersonalData = "/personal-data";

    [Fact]
    public async Task Each_role_reaches_exactly_the_customers_its_scope_holds()
    {
        var dealers = (await _brand.ProfileOf(await _brand.CustomerAdds("guide.li")))!.Id;
        var headOffices = (await _brand.ProfileOf(await _brand.CustomerAdds("guide.wang")))!.Id;

        // (user, dealer's customer: reads, personal data), (head office's customer: reads, personal data)
        var expected = new (string User, HttpStatusCode DealerReads, HttpStatusCode DealerData, HttpStatusCode HqReads, HttpStatusCode HqData)[]
        {
            ("dealer", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("manager", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("li", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Forbidden),
            ("wang", HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden),
            // Head office sees the dealer's customer masked, and never exports them.
            ("operator", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden),
            (WaterwheelApp.AdminUser, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            ("analyst", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        };
        var failures = new List<string>();
        foreach (var (user, dealerReads, dealerData, hqReads, hqData) in expected)
        {
            var client = user == WaterwheelApp.AdminUser ? _brand.Admin : await _brand.SignedIn(user);
            foreach (var (profile, reads, data) in new[] { (dealers, dealerReads, dealerData), (headOffices, hqReads, hqData) })
            {
                foreach (var path in Reads) await Expect(client, user, $"/api/customers/profiles/{profile}{path}", reads, failures);
                await Expect(client, user, $"/api/customers/profiles/{profile}{PersonalData}", data, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Each_role_edits_exactly_the_customers_whose_person_it_sees()
    {
        var dealers = (await _brand.ProfileOf(await _brand.CustomerAdds("guide.li")))!.Id;
        var headOffices = (await _brand.ProfileOf(await _brand.CustomerAdds("guide.wang")))!.Id;
        const HttpStatusCode ok = HttpStatusCode.OK, none = HttpStatusCode.NotFound, no = HttpStatusCode.Forbidden;

        // (user, dealer's customer, head office's customer): attribute edits and consent records alike.
        var expected = new (string User, HttpStatusCode Dealers, HttpStatusCode HeadOffices)[]
        {
            ("dealer", ok, none), ("manager", no, no), ("li", no, no), ("wang", no, no),
            // Head office edits its own customers, never a dealer's it sees masked.
            ("operator", none, ok), (WaterwheelApp.AdminUser, none, ok), ("analyst", no, no),
        };
        var failures = new List<string>();
        foreach (var (user, dealerStatus, hqStatus) in expected)
        {
            var client = user == WaterwheelApp.AdminUser ? _brand.Admin : await _brand.SignedIn(user);
            foreach (var (profile, status) in new[] { (dealers, dealerStatus), (headOffices, hqStatus) })
            {
                var url = $"/api/customers/profiles/{profile}";
                var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { city = "杭州市" }), Headers = { { "If-Match", "*" } } };
                await Expect(client, user, patch, status, failures);
                await Expect(client, user, new HttpRequestMessage(HttpMethod.Post, url + "/consents") { Content = JsonContent.Create(new { channel = "Sms", granted = true }) },
                    status, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Each_role_reaches_the_brand_wide_customer_endpoints_its_permissions_allow()
    {
        await _brand.CustomerAdds("guide.li");
        const HttpStatusCode ok = HttpStatusCode.OK, no = HttpStatusCode.Forbidden;
        // (user, export masked, export unmasked, read settings and attributes, change settings)
        var expected = new (string User, HttpStatusCode Export, HttpStatusCode Unmasked, HttpStatusCode Read, HttpStatusCode Change)[]
        {
            ("dealer", ok, ok, ok, no), ("manager", ok, ok, ok, no), ("li", ok, no, ok, no), ("wang", ok, no, ok, no),
            ("operator", ok, no, ok, no), (WaterwheelApp.AdminUser, ok, ok, ok, HttpStatusCode.BadRequest), ("analyst", no, no, no, no),
        };
        var failures = new List<string>();
        foreach (var (user, export, unmasked, read, change) in expected)
        {
            var client = user == WaterwheelApp.AdminUser ? _brand.Admin : await _brand.SignedIn(user);
            await Expect(client, user, "/api/customers/profiles/export", export, failures);
            await Expect(client, user, "/api/customers/profiles/export?format=xlsx&unmasked=true", unmasked, failures);
            await Expect(client, user, "/api/customers/settings/lifecycle", read, failures);
            await Expect(client, user, "/api/customers/attributes", read, failures);
            // Bodies that would be refused as invalid: the permission is checked first, and nothing changes.
            await Expect(client, user, new HttpRequestMessage(HttpMethod.Put, "/api/customers/settings/lifecycle")
                { Content = JsonContent.Create(new { newForDays = 0, activeWithinDays = 0, atRiskWithinDays = 0, dormantWithinDays = 0 }), Headers = { { "If-Match", "*" } } },
                change, failures);
            await Expect(client, user, new HttpRequestMessage(HttpMethod.Post, "/api/customers/attributes") { Content = JsonContent.Create(new { key = "", label = "" }) },
                change, failures);
            await Expect(client, user, new HttpRequestMessage(HttpMethod.Put, "/api/customers/attributes/no_such_key")
                { Content = JsonContent.Create(new { label = "x" }), Headers = { { "If-Match", "*" } } },
                change == HttpStatusCode.BadRequest ? HttpStatusCode.NotFound : change, failures);
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task Expect(HttpClient client, string user, HttpRequestMessage request, HttpStatusCode status, List<string> failures)
    {
        var what = $"{user} {request.Method} {request.RequestUri}";
        using var response = await client.SendAsync(request);
        if (response.StatusCode != status) failures.Add($"{what}: {(int)response.StatusCode}, expected {(int)status}");
    }

    private static async Task Expect(HttpClient client, string user, string url, HttpStatusCode status, List<string> failures)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != status) failures.Add($"{user} GET {url}: {(int)response.StatusCode}, expected {(int)status}");
    }
}

public sealed class ProfileScopeSweepSqlite() : ProfileScopeSweepTests("sqlite");

public sealed class ProfileScopeSweepPostgres() : ProfileScopeSweepTests("postgres");
