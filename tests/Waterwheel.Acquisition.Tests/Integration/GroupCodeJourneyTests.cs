using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Groups;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// A group live code end to end on the simulator: the crowd scans its join way and joins its groups; when a group
/// reaches the code's cap, WeCom's join way moves on to the next; when all are full, the room WeCom opens joins the
/// code; each group's members are counted from change_external_chat; deleting the code takes it out of WeCom.
/// </summary>
public abstract class GroupCodeJourneyTests(string provider) : IAsyncLifetime
{
    private const int Cap = 3;
    private AcquisitionBrand _brand = null!;
    private int _customers;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    private string NewGroup(string name)
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.AddGroup(name, "guide.li", _brand.Time.GetUtcNow().ToUnixTimeSeconds()).ChatId;
    }

    private SimJoinWay Way()
    {
        lock (_brand.Simulator.State.Sync) return Assert.Single(_brand.Corp.JoinWays.Values);
    }

    private List<string> WayChats()
    {
        lock (_brand.Simulator.State.Sync) return Way().ChatIds.ToList();
    }

    private async Task Join()
    {
        var outcome = await _brand.Simulator.Crowd.ScanJoinWay(AcquisitionBrand.CorpId, Way().ConfigId, $"wmgroupjoiner{++_customers:D4}");
        Assert.True(outcome.Delivery?.Delivered, "the callback reached the server");
    }

    private async Task<JsonElement> Code(Guid id) => await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/group-codes/{id}");

    private static int Members(JsonElement code, string chatId) =>
        code.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("chatId").GetString() == chatId).GetProperty("memberCount").GetInt32();

    [Fact]
    public async Task The_crowd_fills_groups_in_order_up_to_the_cap_and_then_a_room_WeCom_opens()
    {
        var first = NewGroup("新客福利1群");
        var second = NewGroup("新客福利2群");
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "门店桌贴", kind = "StoreCounter", cost = 50m });
        var made = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/group-codes", new
        {
            channelId = channel, name = "新客福利群", chatIds = new[] { first, second }, cap = Cap, autoCreateRoom = true, roomBaseName = "新客福利", roomBaseId = 3,
            welcome = "欢迎 %NICKNAME% 加入新客福利群！",
        }), HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();
        var state = made.GetProperty("state").GetString()!;
        Assert.InRange(state.Length, 1, 30);
        Assert.Equal([first, second], WayChats());
        lock (_brand.Simulator.State.Sync)
        {
            Assert.Equal((state, 1, "新客福利", 3L), (Way().State, Way().AutoCreateRoom, Way().RoomBaseName, Way().RoomBaseId));
            Assert.Equal("欢迎 %NICKNAME% 加入新客福利群！", Assert.Single(_brand.Corp.GroupWelcomeTemplates.Values).Text);
        }
        Assert.Equal(Way().QrCode, made.GetProperty("qrCodeUrl").GetString());

        // The owner is the first member: two customers fill the first group to the cap, and the way moves on.
        await Join();
        await Join();
        await AcquisitionBrand.Eventually(() => Task.FromResult(WayChats().SequenceEqual([second])), () => Task.FromResult($"the way to hold only {second}, not {string.Join(",", WayChats())}"));
        var counted = await Code(id);
        // The second group is counted from its first event (or the WeCom module's sync); until then it counts as empty.
        Assert.Equal((Cap, 0), (Members(counted, first), Members(counted, second)));
        var slot = counted.GetProperty("groups")[0];
        Assert.True(slot.GetProperty("full").GetBoolean());
        Assert.False(slot.GetProperty("live").GetBoolean());
        Assert.Equal("新客福利1群", slot.GetProperty("name").GetString());

        // The next customers go to the second group; once it is full too, it stays on the way so the QR still works.
        await Join();
        await Join();
        await AcquisitionBrand.Eventually(async () => Members(await Code(id), second) == Cap, "the second group's count");
        Assert.Equal([second], WayChats());
        lock (_brand.Simulator.State.Sync)
        {
            Assert.Equal(Cap, _brand.Corp.Groups[first].Members.Count);
            Assert.Equal(Cap, _brand.Corp.Groups[second].Members.Count);
            Assert.All(_brand.Corp.Groups[first].Members.Where(m => m.Type == 2), m => Assert.Equal(state, m.State));
        }

        // WeCom opens a room only when every group of the way holds 200: the second fills to WeCom's limit.
        lock (_brand.Simulator.State.Sync)
        {
            var group = _brand.Corp.Groups[second];
            for (var i = group.Members.Count; i < 200; i++) group.Members.Add(new SimGroupMember { Userid = $"wmfiller{i:D3}", Type = 2, JoinTime = 1 });
            group.Version++;
        }
        await Join();
        await AcquisitionBrand.Eventually(() => Task.FromResult(WayChats().Count == 1 && WayChats()[0] != second),
            () => Task.FromResult($"the way to hold the new room only, not {string.Join(",", WayChats())}"));
        var room = WayChats()[0];
        lock (_brand.Simulator.State.Sync) Assert.Equal("新客福利3", _brand.Corp.Groups[room].Name);
        await AcquisitionBrand.Eventually(async () =>
        {
            var code = await Code(id);
            return code.GetProperty("groups").GetArrayLength() == 3 && Members(code, room) == 2;
        }, "the new room among the code's groups with its owner and one customer");
        var after = await Code(id);
        Assert.Equal([first, second, room], after.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("chatId").GetString()));
        Assert.Equal([room], after.GetProperty("liveChatIds").EnumerateArray().Select(c => c.GetString()));
        Assert.True(after.GetProperty("groups")[1].GetProperty("full").GetBoolean());

        // The upkeep finds nothing to change: the way already holds what the counts say.
        await _brand.AsTenant(async sp =>
        {
            await sp.GetRequiredService<GroupCodeUpkeep>().Run(default);
            return 0;
        });
        Assert.Equal([room], WayChats());

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/acquisition/group-codes/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{after.GetProperty("version").GetInt32()}\"");
        await AcquisitionBrand.Send(_brand.Admin.SendAsync(delete), HttpStatusCode.NoContent);
        lock (_brand.Simulator.State.Sync)
        {
            Assert.Empty(_brand.Corp.JoinWays);
            Assert.Empty(_brand.Corp.GroupWelcomeTemplates);
        }
        Assert.Equal("Deleted", (await Code(id)).GetProperty("status").GetString());
    }
}

public sealed class GroupCodeJourneySqlite() : GroupCodeJourneyTests("sqlite");

public sealed class GroupCodeJourneyPostgres() : GroupCodeJourneyTests("postgres");
