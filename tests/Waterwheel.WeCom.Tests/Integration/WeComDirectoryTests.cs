using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>The façade other modules use, through the real app: welcome messages, customer profiles and linked staff.</summary>
public abstract class WeComDirectoryTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IWeComDirectory Directory => _host.App.Services.GetRequiredService<IWeComDirectory>();

    private async Task<Guid> Created(string url, object body)
    {
        var response = await _host.Admin.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_welcome_goes_once_with_the_code_of_the_add_and_says_why_when_it_cannot()
    {
        // No default welcome: the module itself leaves the code unused, as when another module owns the welcome.
        using var save = new HttpRequestMessage(HttpMethod.Put, "/api/wecom/connection")
        {
            Content = JsonContent.Create(new { corpId = AppWithSimulator.CorpId, welcomeText = "" }),
            Headers = { { "If-Match", "*" } },
        };
        (await _host.Admin.SendAsync(save)).EnsureSuccessStatusCode();
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");
        var content = new WelcomeContent("欢迎！新人券已放入卡包", [new WelcomeLink("新人券", "https://example.com/coupon")]);

        var first = await Directory.SendWelcome(_host.TenantId, added.WelcomeCode!, content, CancellationToken.None);
        var again = await Directory.SendWelcome(_host.TenantId, added.WelcomeCode!, content, CancellationToken.None);

        Assert.Equal(WelcomeStatus.Sent, first.Status);
        Assert.Equal(WelcomeStatus.AlreadyDelivered, again.Status);
        Assert.True(again.Done);
        lock (_host.Simulator.State.Sync)
            Assert.Equal("欢迎！新人券已放入卡包", Assert.Single(_host.Corp.Delivered, d => d.ExternalUserid == added.ExternalUserid).Text);

        var late = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.wang");
        _host.Time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(WelcomeStatus.CodeExpired, (await Directory.SendWelcome(_host.TenantId, late.WelcomeCode!, content, CancellationToken.None)).Status);
        Assert.Equal(WelcomeStatus.NotConnected, (await Directory.SendWelcome(Guid.NewGuid(), "code", content, CancellationToken.None)).Status);
        Assert.Equal(WelcomeStatus.Failed, (await Directory.SendWelcome(_host.TenantId, "code", new WelcomeContent(null), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_profile_names_the_customer_and_the_staff_and_store_behind_each_follower()
    {
        var root = (await _host.Admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units")).EnumerateArray().First().GetProperty("id").GetGuid();
        var region = await Created("/api/platform/org-units", new { parentId = root, kind = "Region", name = "华东区", code = "EAST" });
        var store = await Created("/api/platform/stores", new
        {
            code = "SH001", name = "南京西路店", orgUnitId = region, province = "上海市", city = "上海市", district = "静安区", address = "南京西路1号",
            latitude = 31.2231, longitude = 121.4452, openingHours = "08:00-21:00", phone = "021-12345678",
        });
        var li = await Created("/api/platform/staff", new { name = "李娜", mobile = "13800138001", weComUserId = "guide.li", role = "Guide", storeId = store });
        await Created("/api/platform/staff", new { name = "王芳", mobile = "13800138002", weComUserId = "guide.wang", role = "Guide", storeId = store });
        await _host.DriveSync(await _host.StartSync());

        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li");
        await _host.Eventually(db => db.Relations.AnyAsync(r => r.ExternalUserId == added.ExternalUserid), found => found);

        var profile = await Directory.Contact(_host.TenantId, added.ExternalUserid, CancellationToken.None);
        Assert.NotNull(profile);
        lock (_host.Simulator.State.Sync)
        {
            var simulated = _host.Corp.Customers[added.ExternalUserid];
            Assert.Equal((simulated.Name, simulated.Gender, simulated.Unionid), (profile.Name, profile.Gender, profile.UnionId));
        }
        var follower = Assert.Single(profile.Followers);
        Assert.Equal(("guide.li", li, "李娜", store), (follower.WeComUserId, follower.StaffId, follower.StaffName, follower.StoreId));
        Assert.Equal(_host.Time.GetUtcNow().UtcDateTime, follower.AddedAt, TimeSpan.FromSeconds(1));
        Assert.Null(await Directory.Contact(_host.TenantId, "wm_never_seen", CancellationToken.None));

        var member = await Directory.StaffMember(_host.TenantId, li, CancellationToken.None);
        Assert.Equal(("guide.li", "李娜", 1, true), (member!.WeComUserId, member.WeComName, member.Status, member.CanFollow));
        Assert.Null(await Directory.StaffMember(_host.TenantId, Guid.NewGuid(), CancellationToken.None));
        var storeStaff = await Directory.StoreStaff(_host.TenantId, store, CancellationToken.None);
        Assert.Equal(["guide.li", "guide.wang"], storeStaff.Select(s => s.WeComUserId).Order());
    }
}

public sealed class WeComDirectorySqlite() : WeComDirectoryTests("sqlite");

public sealed class WeComDirectoryPostgres() : WeComDirectoryTests("postgres");
