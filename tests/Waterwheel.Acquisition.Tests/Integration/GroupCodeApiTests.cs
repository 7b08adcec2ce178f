using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// Group codes through the API and the WeCom contract under them: bad input is refused with a clear message for each
/// field and nothing is stored, here or in WeCom; an edit updates the join way in place.
/// </summary>
public abstract class GroupCodeApiTests(string provider) : IAsyncLifetime
{
    private AcquisitionBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    private IWeComJoinWays Ways => _brand.App.Services.GetRequiredService<IWeComJoinWays>();

    private string NewGroup(string name)
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.AddGroup(name, "guide.li", _brand.Time.GetUtcNow().ToUnixTimeSeconds()).ChatId;
    }

    private (int Ways, int Templates) InWeCom()
    {
        lock (_brand.Simulator.State.Sync) return (_brand.Corp.JoinWays.Count, _brand.Corp.GroupWelcomeTemplates.Count);
    }

    private async Task<JsonElement> Refused(object body, string field)
    {
        var refused = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/group-codes", body), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty(field, out var messages), refused.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        return refused;
    }

    [Fact]
    public async Task Bad_group_codes_are_refused_with_a_clear_message_and_nothing_is_stored_here_or_in_WeCom()
    {
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "社群海报", kind = "Poster" });
        var six = Enumerable.Range(1, 6).Select(i => NewGroup($"群{i}")).ToArray();

        var tooMany = await Refused(new { channelId = channel, name = "六个群", chatIds = six }, "chatIds");
        Assert.Contains("5", tooMany.ToString());
        await Refused(new { channelId = channel, name = "没有群", chatIds = Array.Empty<string>() }, "chatIds");
        await Refused(new { channelId = channel, name = "空群", chatIds = new[] { "" } }, "chatIds");
        await Refused(new { channelId = channel, name = "重复", chatIds = new[] { six[0], six[0] } }, "chatIds");
        var zero = await Refused(new { channelId = channel, name = "零", chatIds = new[] { six[0] }, cap = 0 }, "cap");
        Assert.Contains("200", zero.ToString());
        await Refused(new { channelId = channel, name = "超员", chatIds = new[] { six[0] }, cap = 201 }, "cap");
        await Refused(new { channelId = channel, name = "无名新群", chatIds = new[] { six[0] }, autoCreateRoom = true }, "roomBaseName");
        var longWelcome = await Refused(new { channelId = channel, name = "长欢迎语", chatIds = new[] { six[0] }, welcome = new string('欢', 1001) }, "welcome");
        Assert.Contains("3000", longWelcome.ToString());
        // Every field at once.
        var all = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/group-codes", new { name = "", chatIds = new[] { "" }, cap = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal(4, all.GetProperty("errors").EnumerateObject().Count(e => e.Name is "channelId" or "name" or "cap" or "chatIds"));

        // A group WeCom does not know (40050) is WeCom's refusal, and stores nothing either.
        await Refused(new { channelId = channel, name = "未知群", chatIds = new[] { "wrnosuchgroup" } }, "chatIds");

        Assert.Equal(0, (await _brand.Admin.GetFromJsonAsync<JsonElement>("/api/acquisition/group-codes")).GetProperty("total").GetInt32());
        Assert.Equal((0, 0), InWeCom());
    }

    [Fact]
    public async Task An_edit_updates_the_join_way_in_place_and_a_stale_one_is_refused()
    {
        var (first, second) = (NewGroup("会员1群"), NewGroup("会员2群"));
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "会员群", kind = "Link" });
        var made = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/group-codes",
            new { channelId = channel, name = "会员群码", chatIds = new[] { first } }), HttpStatusCode.Created);
        Assert.Equal((1, 0), InWeCom());
        var edit = new { channelId = channel, name = "会员群码", chatIds = new[] { second, first }, cap = 150, welcome = "欢迎 %NICKNAME%" };
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/acquisition/group-codes/{made.GetProperty("id")}") { Content = JsonContent.Create(edit) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        await AcquisitionBrand.Send(_brand.Admin.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/acquisition/group-codes/{made.GetProperty("id")}") { Content = JsonContent.Create(edit) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{made.GetProperty("version").GetInt32()}\"");
        var edited = await AcquisitionBrand.Send(_brand.Admin.SendAsync(put));
        Assert.Equal(made.GetProperty("qrCodeUrl").GetString(), edited.GetProperty("qrCodeUrl").GetString());
        Assert.True(edited.GetProperty("welcomeInWeCom").GetBoolean());
        lock (_brand.Simulator.State.Sync) Assert.Equal([second, first], Assert.Single(_brand.Corp.JoinWays.Values).ChatIds);
        Assert.Equal((1, 1), InWeCom());
    }

    [Fact]
    public async Task The_contract_refuses_what_WeCom_would_before_calling_it_and_reports_WeComs_answers()
    {
        var chats = Enumerable.Range(1, 6).Select(i => NewGroup($"群{i}")).ToArray();
        var six = await Ways.Create(_brand.TenantId, new JoinWaySpec(chats, "gc-six"), default);
        Assert.Equal(ContactWayStatus.Invalid, six.Status);
        Assert.Contains("5", six.Error);
        var longState = await Ways.Create(_brand.TenantId, new JoinWaySpec([chats[0]], new string('s', 31)), default);
        Assert.Equal(ContactWayStatus.Invalid, longState.Status);
        Assert.Contains("30", longState.Error);
        Assert.Equal(ContactWayStatus.Invalid, (await Ways.Create(_brand.TenantId, new JoinWaySpec([], "none"), default)).Status);
        Assert.Equal(ContactWayStatus.Invalid, (await Ways.SaveGroupWelcome(_brand.TenantId, null, new string('欢', 1001), default)).Status);
        Assert.Equal((0, 0), InWeCom());

        var made = await Ways.Create(_brand.TenantId, new JoinWaySpec([chats[0], chats[1]], "gc-ok", "会员群", AutoCreateRoom: true, RoomBaseName: "会员", RoomBaseId: 1), default);
        Assert.True(made.IsDone, made.Error);
        var got = await Ways.Get(_brand.TenantId, made.Value!.ConfigId, default);
        Assert.Equal([chats[0], chats[1]], got.Value!.ChatIds);
        Assert.Equal(("gc-ok", true), (got.Value.State, got.Value.AutoCreateRoom));
        Assert.Equal(made.Value.QrCodeUrl, got.Value.QrCodeUrl);
        Assert.True((await Ways.Update(_brand.TenantId, made.Value.ConfigId, new JoinWaySpec([chats[2]], "gc-ok"), default)).IsDone);
        Assert.Equal([chats[2]], (await Ways.Get(_brand.TenantId, made.Value.ConfigId, default)).Value!.ChatIds);
        Assert.True((await Ways.Delete(_brand.TenantId, made.Value.ConfigId, default)).IsDone);
        Assert.Equal(ContactWayStatus.NotFound, (await Ways.Get(_brand.TenantId, made.Value.ConfigId, default)).Status);
        Assert.True((await Ways.Delete(_brand.TenantId, made.Value.ConfigId, default)).IsDone);
        Assert.Equal(ContactWayStatus.NotFound, (await Ways.Update(_brand.TenantId, made.Value.ConfigId, new JoinWaySpec([chats[2]], "gc-ok"), default)).Status);

        // The quota is shared with contact ways.
        lock (_brand.Simulator.State.Sync) _brand.Corp.ContactWayQuota = _brand.Corp.ContactWaysCreated;
        Assert.Equal(ContactWayStatus.QuotaReached, (await Ways.Create(_brand.TenantId, new JoinWaySpec([chats[0]], "gc-full"), default)).Status);
        Assert.Equal(ContactWayStatus.NotConnected, (await Ways.Create(Guid.NewGuid(), new JoinWaySpec([chats[0]], "x"), default)).Status);
    }
}

public sealed class GroupCodeApiSqlite() : GroupCodeApiTests("sqlite");

public sealed class GroupCodeApiPostgres() : GroupCodeApiTests("postgres");
