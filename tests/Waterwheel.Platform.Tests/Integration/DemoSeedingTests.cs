using Waterwheel.Platform.Tests.Infrastructure;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>Demo mode on an empty database seeds the bakery brand (SQLite is enough: the seeder is provider-neutral).</summary>
public sealed class DemoSeedingTests(DemoApp demo) : IClassFixture<DemoApp>
{
    private readonly HttpClient _admin = demo.Admin;

    [Fact]
    public async Task Demo_brand_has_at_least_40_located_stores_in_Shanghai_Hangzhou_and_Beijing()
    {
        var page = await _admin.GetOk("/api/platform/stores?pageSize=200");

        Assert.True(page.Total() >= 40, $"Only {page.Total()} demo stores.");
        Assert.Equal(page.Total(), page.Items().Count);
        Assert.Subset(page.Items().Select(s => s.Text("city")).ToHashSet(), new HashSet<string> { "上海市", "杭州市", "北京市" });
        Assert.All(page.Items(), s =>
        {
            var (lat, lng) = (s.GetProperty("latitude").GetDouble(), s.GetProperty("longitude").GetDouble());
            Assert.True(lat is > 18 and < 54 && lng is > 73 and < 135, $"{s.Text("code")} is not in China: {lat},{lng}");
        });
    }

    [Fact]
    public async Task Demo_brand_has_at_least_150_staff_in_all_six_roles()
    {
        Assert.True((await _admin.GetOk("/api/platform/staff?pageSize=1")).Total() >= 150);
        foreach (var role in new[] { "HqAdmin", "HqOperator", "Analyst", "DealerAdmin", "StoreManager", "Guide" })
            Assert.True((await _admin.GetOk($"/api/platform/staff?pageSize=1&role={role}")).Total() >= 1, $"No demo staff in role {role}.");
    }

    [Fact]
    public async Task Demo_admin_signs_in_as_HQ_admin()
    {
        var me = await _admin.GetOk("/api/platform/me");
        Assert.Equal("HqAdmin", me.Text("role"));
        Assert.Equal("Tenant", me.Text("scope"));
    }
}

/// <summary>One app in demo mode, signed in as the demo admin with the demo password.</summary>
public sealed class DemoApp : IAsyncLifetime
{
    private WaterwheelApp _app = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = new WaterwheelApp(await TestDatabase.Create("sqlite"), new Dictionary<string, string?> { ["Waterwheel:Demo:Enabled"] = "true" });
        Admin = await _app.SignedIn("admin", "waterwheel");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
