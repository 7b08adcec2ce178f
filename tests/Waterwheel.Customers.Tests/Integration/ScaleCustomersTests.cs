using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Demo;
using Waterwheel.Customers.Identity;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>The scale generator: resumable, no member twice, and its members found like any other customer.</summary>
public sealed class ScaleCustomersTests : IAsyncLifetime
{
    private WaterwheelApp _app = null!;
    private HttpClient _admin = null!;
    private Guid _tenant;

    public async Task InitializeAsync()
    {
        _app = new WaterwheelApp(await TestDatabase.Create("sqlite"));
        _admin = await _app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        _tenant = (await _admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_second_run_adds_only_the_missing_members_and_each_is_found_by_mobile_digits_and_member_number()
    {
        var generator = _app.Services.GetRequiredService<ScaleCustomers>();
        Assert.Equal(2_500, await generator.Generate(_tenant, 2_500, null, default));
        Assert.Equal(4_100, await generator.Generate(_tenant, 4_100, null, default));
        Assert.Equal(4_100, await generator.Generate(_tenant, 3_000, null, default));

        var (profiles, phones) = await _app.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(_tenant);
            var db = sp.GetRequiredService<CustomersDbContext>();
            return (await db.Profiles.CountAsync(), await db.Identities.CountAsync(i => i.Type == IdentityType.Phone));
        });
        Assert.Equal((4_100, 4_100), (profiles, phones));

        // Member 4,000's mobile is 166 followed by 4,000 × 7919 mod 10⁸ in eight digits.
        var mobile = $"166{4_000L * 7919 % 100_000_000:D8}";
        var byMember = Assert.Single((await _admin.GetFromJsonAsync<JsonElement>("/api/customers/profiles?q=SC0004000")).GetProperty("items").EnumerateArray());
        var byMobile = Assert.Single((await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles?q={mobile}")).GetProperty("items").EnumerateArray());
        Assert.Equal(byMember.GetProperty("id").GetGuid(), byMobile.GetProperty("id").GetGuid());
        var byLastFour = (await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles?q={mobile[^4..]}&pageSize=200")).GetProperty("items");
        Assert.Contains(byLastFour.EnumerateArray(), r => r.GetProperty("id").GetGuid() == byMember.GetProperty("id").GetGuid());
        var byName = (await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles?q={Uri.EscapeDataString(byMember.GetProperty("name").GetString()!)}&pageSize=200"));
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == byMember.GetProperty("id").GetGuid());
    }
}
