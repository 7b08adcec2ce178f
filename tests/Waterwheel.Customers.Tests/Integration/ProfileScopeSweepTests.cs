using System.Net;
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

    private static readonly string[] Reads = ["", "/timeline", "/orders", "/merges"];
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

    private static async Task Expect(HttpClient client, string user, string url, HttpStatusCode status, List<string> failures)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != status) failures.Add($"{user} GET {url}: {(int)response.StatusCode}, expected {(int)status}");
    }
}

public sealed class ProfileScopeSweepSqlite() : ProfileScopeSweepTests("sqlite");

public sealed class ProfileScopeSweepPostgres() : ProfileScopeSweepTests("postgres");
