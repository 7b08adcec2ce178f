using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Arrivals;
using Waterwheel.Acquisition.Data;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>Channels and live codes through the API: bad input refused with every field and nothing stored, If-Match, and the WeCom way following the code.</summary>
public abstract class LiveCodeApiTests(string provider) : IAsyncLifetime
{
    private AcquisitionBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    private HttpClient Admin => _brand.Admin;

    private int WaysInWeCom()
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.ContactWays.Count;
    }

    private object Code(Guid channel, object? pool = null, object? welcome = null, DateTime? expiresAt = null) => new
    {
        channelId = channel, name = "柜台码",
        pool = pool ?? new object[] { new { staffId = _brand.Staff["guide.li"], dailyCap = 2 }, new { staffId = _brand.Staff["guide.wang"] } },
        policy = "Random", welcome, expiresAt,
    };

    [Fact]
    public async Task Channels_validate_nest_one_level_and_need_If_Match()
    {
        var bad = await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/channels", new { name = "", kind = "Poster", cost = -1m }), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("cost", out _), bad.ToString());

        var campaign = await _brand.Created("/api/acquisition/channels", new { name = "618 大促", kind = "Event", cost = 0m });
        var poster = await _brand.Created("/api/acquisition/channels", new { name = "618 海报", kind = "Poster", cost = 300m, parentId = campaign });
        await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/channels", new { name = "孙渠道", kind = "Link", parentId = poster }), HttpStatusCode.BadRequest);
        await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/channels", new { name = "618 海报", kind = "Link" }), HttpStatusCode.Conflict);

        var put = new { name = "618 门店海报", kind = "Poster", cost = 350.5m, parentId = campaign };
        await AcquisitionBrand.Send(Admin.PutAsJsonAsync($"/api/acquisition/channels/{poster}", put), HttpStatusCode.PreconditionRequired);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/acquisition/channels/{poster}") { Content = JsonContent.Create(put) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        await AcquisitionBrand.Send(Admin.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/acquisition/channels/{poster}") { Content = JsonContent.Create(put) };
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        var changed = await AcquisitionBrand.Send(Admin.SendAsync(fresh));
        Assert.Equal(350.5m, changed.GetProperty("cost").GetDecimal());

        var listed = await Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/channels?parentId={campaign}&q=门店");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        // A campaign with channels cannot go.
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/acquisition/channels/{campaign}");
        delete.Headers.TryAddWithoutValidation("If-Match", "*");
        await AcquisitionBrand.Send(Admin.SendAsync(delete), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_codes_are_refused_with_a_clear_message_and_nothing_is_stored_here_or_in_WeCom()
    {
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "柜台", kind = "StoreCounter" });
        var empty = await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel, pool: Array.Empty<object>())), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("pool", out _), empty.ToString());

        var longText = new string('字', 1400); // 4,200 bytes in UTF-8
        var tooLong = await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel, welcome: new { text = longText })), HttpStatusCode.BadRequest);
        Assert.Contains("4000", tooLong.ToString());

        var tenLinks = Enumerable.Range(0, 10).Select(i => new { kind = "Link", title = $"链接{i}", url = "https://example.com" }).ToArray();
        await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel, welcome: new { text = "hi", attachments = tenLinks })), HttpStatusCode.BadRequest);
        var longTitle = new[] { new { kind = "Link", title = new string('t', 129), url = "https://example.com" } };
        await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel, welcome: new { attachments = longTitle })), HttpStatusCode.BadRequest);
        var noUrl = new[] { new { kind = "Link", title = "礼品", url = "javascript:alert(1)" } };
        await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel, welcome: new { attachments = noUrl })), HttpStatusCode.BadRequest);
        var stranger = new object[] { new { staffId = Guid.NewGuid() } };
        await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel, pool: stranger)), HttpStatusCode.BadRequest);

        // WeCom refusing a member it does not know (60111) stores nothing either.
        lock (_brand.Simulator.State.Sync) _brand.Corp.Staff.Remove("guide.wang");
        var refused = await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel)), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("pool", out _), refused.ToString());

        Assert.Equal(0, (await Admin.GetFromJsonAsync<JsonElement>("/api/acquisition/codes")).GetProperty("total").GetInt32());
        Assert.Equal(0, WaysInWeCom());
    }

    [Fact]
    public async Task Editing_a_code_updates_its_way_in_place_and_deleting_it_removes_the_way()
    {
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "快递卡", kind = "ParcelCard", cost = 80m });
        var made = await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel)), HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();
        var state = made.GetProperty("state").GetString()!;
        var qr = made.GetProperty("qrCodeUrl").GetString()!;
        Assert.InRange(state.Length, 1, 30);
        Assert.Equal(["guide.li", "guide.wang"], made.GetProperty("liveUserIds").EnumerateArray().Select(u => u.GetString()));

        var edit = Code(channel, pool: new object[] { new { staffId = _brand.Staff["guide.zhao"] } });
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/acquisition/codes/{id}") { Content = JsonContent.Create(edit) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{made.GetProperty("version").GetInt32()}\"");
        var edited = await AcquisitionBrand.Send(Admin.SendAsync(put));
        Assert.Equal((state, qr), (edited.GetProperty("state").GetString(), edited.GetProperty("qrCodeUrl").GetString()));
        string configId;
        lock (_brand.Simulator.State.Sync)
        {
            var way = Assert.Single(_brand.Corp.ContactWays.Values);
            Assert.Equal(["guide.zhao"], way.Users);
            Assert.Equal(state, way.State);
            configId = way.ConfigId;
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/acquisition/codes/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{edited.GetProperty("version").GetInt32()}\"");
        await AcquisitionBrand.Send(Admin.SendAsync(delete), HttpStatusCode.NoContent);
        Assert.Equal(0, WaysInWeCom());
        Assert.Equal(0, (await Admin.GetFromJsonAsync<JsonElement>("/api/acquisition/codes")).GetProperty("total").GetInt32());
        Assert.False(string.IsNullOrEmpty(configId));
    }

    [Fact]
    public async Task An_expired_code_leaves_WeCom_at_the_next_upkeep()
    {
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "直播", kind = "LiveStream" });
        var expires = _brand.Time.GetUtcNow().UtcDateTime.AddHours(2);
        var made = await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel, expiresAt: expires)), HttpStatusCode.Created);
        Assert.Equal(1, WaysInWeCom());
        _brand.Time.Advance(TimeSpan.FromHours(3));
        await _brand.AsTenant(async sp =>
        {
            await sp.GetRequiredService<Waterwheel.Acquisition.Pools.PoolUpkeep>().Run(default);
            return 0;
        });
        Assert.Equal(0, WaysInWeCom());
        var view = await Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/codes/{made.GetProperty("id").GetGuid()}");
        Assert.Equal("Expired", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_retried_add_records_one_arrival_and_an_add_from_elsewhere_records_none()
    {
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "小票", kind = "Receipt" });
        var made = await AcquisitionBrand.Send(Admin.PostAsJsonAsync("/api/acquisition/codes", Code(channel)), HttpStatusCode.Created);
        var state = made.GetProperty("state").GetString()!;
        var at = _brand.Time.GetUtcNow().UtcDateTime;
        var added = new CustomerAddedStaff(_brand.TenantId, "wm-retried", "guide.li", state, 1, at, true);

        // Twice one after the other, then twice at once (one of those may lose the race and be retried by the inbox).
        await Handle(added);
        await Handle(added);
        var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try { await Handle(added); return true; }
            catch (ArrivalRaceException) { return false; }
        }));
        Assert.Contains(true, racing);
        await Handle(new CustomerAddedStaff(_brand.TenantId, "wm-other", "guide.li", "not-ours", 1, at, true));
        await Handle(new CustomerAddedStaff(_brand.TenantId, "wm-plain", "guide.li", null, 2, at, true));

        var arrivals = await _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals.ToListAsync());
        var arrival = Assert.Single(arrivals);
        Assert.Equal(("wm-retried", "guide.li"), (arrival.ExternalUserId, arrival.StaffUserId));

        // Adds move the pool, not the code's version: an operator's edit based on what they read before still goes through.
        var view = await Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/codes/{made.GetProperty("id").GetGuid()}");
        Assert.Equal(made.GetProperty("version").GetInt32(), view.GetProperty("version").GetInt32());
        Assert.Equal(1, view.GetProperty("arrivals").GetInt32());
    }

    private Task Handle(CustomerAddedStaff added) => _brand.AsTenant(async sp =>
    {
        await sp.GetRequiredService<ArrivalIntake>().Handle(added, default);
        return 0;
    });
}

public sealed class LiveCodeApiSqlite() : LiveCodeApiTests("sqlite");

public sealed class LiveCodeApiPostgres() : LiveCodeApiTests("postgres");
