using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// <see cref="IWeComContactWays"/> in the real server against the simulator over HTTP: each call does what the
/// reference says, and bad input is refused with a clear outcome before anything reaches WeCom.
/// </summary>
public abstract class ContactWayFacadeTests(string provider) : IAsyncLifetime
{
    private AcquisitionBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    private IWeComContactWays Ways => _brand.App.Services.GetRequiredService<IWeComContactWays>();

    private int WaysInWeCom()
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.ContactWays.Count;
    }

    [Fact]
    public async Task Create_get_update_and_delete_go_through_to_WeCom_and_the_QR_stays_on_update()
    {
        var made = await Ways.Create(_brand.TenantId, new ContactWaySpec(["guide.li", "guide.wang"], "lc-test-1", SkipVerify: true, Remark: "海报"), default);
        Assert.True(made.IsDone, made.Error);
        Assert.StartsWith("https://", made.Value!.QrCodeUrl);

        var got = await Ways.Get(_brand.TenantId, made.Value.ConfigId, default);
        Assert.Equal((false, "lc-test-1", true, "海报"), (got.Value!.Single, got.Value.State, got.Value.SkipVerify, got.Value.Remark));
        Assert.Equal(["guide.li", "guide.wang"], got.Value.UserIds);

        var updated = await Ways.Update(_brand.TenantId, made.Value.ConfigId, new ContactWaySpec(["guide.zhao"], "lc-test-1", SkipVerify: false), default);
        Assert.True(updated.IsDone, updated.Error);
        got = await Ways.Get(_brand.TenantId, made.Value.ConfigId, default);
        Assert.Equal(["guide.zhao"], got.Value!.UserIds);
        Assert.False(got.Value.SkipVerify);
        Assert.Equal(made.Value.QrCodeUrl, got.Value.QrCodeUrl);

        Assert.True((await Ways.Delete(_brand.TenantId, made.Value.ConfigId, default)).IsDone);
        Assert.Equal(ContactWayStatus.NotFound, (await Ways.Get(_brand.TenantId, made.Value.ConfigId, default)).Status);
        // A retried delete of a way already gone is what the caller wanted.
        Assert.True((await Ways.Delete(_brand.TenantId, made.Value.ConfigId, default)).IsDone);
    }

    [Fact]
    public async Task A_single_member_way_takes_exactly_one_member()
    {
        var single = await Ways.Create(_brand.TenantId, new ContactWaySpec(["guide.li"], "one", Single: true), default);
        Assert.True(single.IsDone, single.Error);
        Assert.True((await Ways.Get(_brand.TenantId, single.Value!.ConfigId, default)).Value!.Single);
        var two = await Ways.Update(_brand.TenantId, single.Value.ConfigId, new ContactWaySpec(["guide.li", "guide.wang"], "one", Single: true), default);
        Assert.Equal(ContactWayStatus.Invalid, two.Status);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_error_and_nothing_reaches_WeCom()
    {
        var longState = await Ways.Create(_brand.TenantId, new ContactWaySpec(["guide.li"], new string('s', 31)), default);
        Assert.Equal(ContactWayStatus.Invalid, longState.Status);
        Assert.Contains("30", longState.Error);

        var noMembers = await Ways.Create(_brand.TenantId, new ContactWaySpec([], "empty"), default);
        Assert.Equal(ContactWayStatus.Invalid, noMembers.Status);
        Assert.False(string.IsNullOrWhiteSpace(noMembers.Error));

        var longRemark = await Ways.Create(_brand.TenantId, new ContactWaySpec(["guide.li"], "ok", Remark: new string('r', 31)), default);
        Assert.Equal(ContactWayStatus.Invalid, longRemark.Status);
        Assert.Equal(0, WaysInWeCom());

        // WeCom's own refusal of a member it does not know (60111) also leaves nothing behind.
        var unknown = await Ways.Create(_brand.TenantId, new ContactWaySpec(["nobody"], "ok"), default);
        Assert.Equal(ContactWayStatus.UnusableMember, unknown.Status);
        Assert.Equal(0, WaysInWeCom());
    }

    [Fact]
    public async Task The_quota_shared_with_group_codes_is_reported()
    {
        lock (_brand.Simulator.State.Sync)
        {
            _brand.Corp.ContactWayQuota = 1;
            _brand.Corp.ContactWaysCreated = 1;
        }
        var refused = await Ways.Create(_brand.TenantId, new ContactWaySpec(["guide.li"], "full"), default);
        Assert.Equal(ContactWayStatus.QuotaReached, refused.Status);
        Assert.Equal(0, WaysInWeCom());
    }

    [Fact]
    public async Task An_unknown_way_is_not_found_and_a_tenant_without_WeCom_is_not_connected()
    {
        Assert.Equal(ContactWayStatus.NotFound, (await Ways.Update(_brand.TenantId, "cw-missing", new ContactWaySpec(["guide.li"], "x"), default)).Status);
        Assert.Equal(ContactWayStatus.NotConnected, (await Ways.Create(Guid.NewGuid(), new ContactWaySpec(["guide.li"], "x"), default)).Status);
    }
}

public sealed class ContactWayFacadeSqlite() : ContactWayFacadeTests("sqlite");

public sealed class ContactWayFacadePostgres() : ContactWayFacadeTests("postgres");
