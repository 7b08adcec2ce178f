using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Arrivals;
using Waterwheel.Acquisition.Data;
using Waterwheel.Acquisition.Pools;

namespace Waterwheel.Acquisition.Tests.Integration;

/// <summary>
/// A pool code end to end on the simulator: the crowd scans it and adds customers; caps hold (overflow goes to the
/// backup), every customer gets exactly one welcome with the merge fields filled and the code's attachment, is tagged
/// with the code's tags, and the arrivals count what the crowd did.
/// </summary>
public abstract class LiveCodeJourneyTests(string provider) : IAsyncLifetime
{
    private const string Template = "{客户昵称}您好，我是{导购姓名}，欢迎来到{门店名称}！";
    private AcquisitionBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AcquisitionBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task The_crowd_adds_through_a_pool_code_and_caps_welcome_tags_and_arrivals_hold()
    {
        var tag = await _brand.Tag("海报来源");
        var channel = await _brand.Created("/api/acquisition/channels", new { name = "双十二海报", kind = "Poster", cost = 1200.50m });
        var code = await AcquisitionBrand.Send(_brand.Admin.PostAsJsonAsync("/api/acquisition/codes", new
        {
            channelId = channel, name = "门店海报码", policy = "RoundRobin",
            pool = new object[]
            {
                new { staffId = _brand.Staff["guide.li"], dailyCap = 3 },
                new { staffId = _brand.Staff["guide.wang"], dailyCap = 3 },
                new { staffId = _brand.Staff["guide.zhao"], backup = true },
            },
            tagIds = new[] { tag },
            welcome = new { text = Template, attachments = new[] { new { kind = "Link", title = "新客礼", url = "https://example.com/gift" } } },
        }), HttpStatusCode.Created);
        var codeId = code.GetProperty("id").GetGuid();
        var configId = ConfigId(codeId);
        Assert.Equal(["guide.li"], WayUsers(await configId));

        const int customers = 9;
        var added = new List<(string ExternalUserId, string Staff)>();
        for (var i = 0; i < customers; i++)
        {
            var outcome = await _brand.Simulator.Crowd.ScanContactWay(AcquisitionBrand.CorpId, await configId);
            Assert.True(outcome.Delivery?.Delivered, "the callback reached the server");
            added.Add((outcome.ExternalUserid, outcome.Userid));
            // The welcome goes inside the code's 20 seconds: wait for it before the clock moves.
            await AcquisitionBrand.Eventually(() => Task.FromResult(Delivered(outcome.ExternalUserid).Count == 1), $"the welcome of customer {i + 1}");
            // Tagging waits for the Customers module's profile: an arrival that came first is tagged by the pending-tags
            // job, run here by hand as the cluster would. The fake clock moves too, slowly, for any handler's retry.
            var ticks = 0;
            await AcquisitionBrand.Eventually(async () =>
                {
                    if (await Tagged(outcome.ExternalUserid)) return true;
                    if (++ticks % 10 != 0) return false;
                    _brand.Time.Advance(TimeSpan.FromSeconds(1));
                    await _brand.AsTenant(async sp =>
                    {
                        await sp.GetRequiredService<PendingTags>().Run(default);
                        return 0;
                    });
                    return await Tagged(outcome.ExternalUserid);
                },
                async () => $"the arrival of customer {i + 1} recorded and tagged; profile: {await Profile(outcome.ExternalUserid)}; inbox: {await Inbox()}; the server said:\n{string.Join("\n", _brand.App.Log.Lines.TakeLast(8))}",
                tries: 1200);
        }

        // Caps: li and wang took 3 each, in turn; the backup took the rest.
        var byStaff = added.GroupBy(a => a.Staff).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, byStaff["guide.li"]);
        Assert.Equal(3, byStaff["guide.wang"]);
        Assert.Equal(3, byStaff["guide.zhao"]);
        Assert.Equal(["guide.zhao"], WayUsers(await configId));

        // One welcome each, merge fields filled, with the code's link.
        var names = AcquisitionBrand.Guides.ToDictionary(g => g.User, g => g.Name);
        foreach (var (externalUserId, staff) in added)
        {
            var delivery = Assert.Single(Delivered(externalUserId));
            var customerName = CustomerName(externalUserId);
            Assert.Equal($"{customerName}您好，我是{names[staff]}，欢迎来到{AcquisitionBrand.StoreName}！", delivery.Text);
            Assert.Equal(["link"], delivery.Attachments);
        }

        // Arrivals count what the crowd did, per code, per staff member today and per channel.
        var view = await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/codes/{codeId}");
        Assert.Equal(customers, view.GetProperty("arrivals").GetInt32());
        var today = view.GetProperty("pool").EnumerateArray().ToDictionary(m => m.GetProperty("weComUserId").GetString()!, m => m.GetProperty("addsToday").GetInt32());
        Assert.Equal(byStaff, today);
        var channelView = await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/channels/{channel}");
        Assert.Equal(customers, channelView.GetProperty("arrivals").GetInt32());
        Assert.Equal(133.39m, channelView.GetProperty("costPerArrival").GetDecimal());
        var arrivals = await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/acquisition/codes/{codeId}/arrivals?pageSize=50");
        Assert.Equal(added.Select(a => a.ExternalUserId).Order(), arrivals.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("externalUserId").GetString()!).Order());

        // Every customer holds the code's tag, counted by the audience engine.
        await AcquisitionBrand.Eventually(async () => await CountTagged(tag) == customers, "every customer counted with the code's tag");

        // A new day resets the caps: the next upkeep puts the pool back on the primaries.
        _brand.Time.Advance(TimeSpan.FromDays(1));
        await _brand.AsTenant(async sp =>
        {
            await sp.GetRequiredService<PoolUpkeep>().Run(default);
            return 0;
        });
        // Round-robin goes on from the backup who took the last add: the first primary in pool order.
        Assert.Equal(["guide.li"], WayUsers(await configId));
    }

    private Task<string> Profile(string externalUserId) => _brand.AsTenant(async sp =>
    {
        var facts = sp.GetRequiredService<Waterwheel.Customers.Contracts.ICustomerFacts>();
        var id = await facts.ProfileOfWeComContact(externalUserId, default);
        var found = id is { } p ? await facts.Find(p, default) : null;
        return $"{id} found={found is not null}";
    });

    private async Task<string> Inbox()
    {
        if (_brand.App.Database.Provider != "sqlite") return "";
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_brand.App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE name LIKE '%inbox%'";
        var tables = new List<string>();
        await using (var r = await command.ExecuteReaderAsync()) while (await r.ReadAsync()) tables.Add(r.GetString(0));
        var table = tables.First(t => t.EndsWith("inbox", StringComparison.Ordinal));
        command.CommandText = $"SELECT Source, Partition, Attempts, DueAt, LeaseUntil, ProcessedAt, FailedAt, LastError FROM \"{table}\" WHERE ProcessedAt IS NULL";
        var rows = new List<string>();
        await using (var r = await command.ExecuteReaderAsync())
            while (await r.ReadAsync()) rows.Add(string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : r.GetValue(i).ToString())));
        return string.Join("\n", rows) + $"\nnow {_brand.Time.GetUtcNow():O}";
    }

    private Task<string> ConfigId(Guid codeId) =>
        _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Codes.Where(c => c.Id == codeId).Select(c => c.ConfigId).SingleAsync());

    private Task<bool> Tagged(string externalUserId) =>
        _brand.AsTenant(sp => sp.GetRequiredService<AcquisitionDbContext>().Arrivals.AnyAsync(a => a.ExternalUserId == externalUserId && a.TaggedAt != null));

    private List<string> WayUsers(string configId)
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.ContactWays[configId].Users.ToList();
    }

    private List<WeCom.Simulator.State.SimDelivery> Delivered(string externalUserId)
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.Delivered.Where(d => d.ExternalUserid == externalUserId).ToList();
    }

    private string CustomerName(string externalUserId)
    {
        lock (_brand.Simulator.State.Sync) return _brand.Corp.Customers[externalUserId].Name;
    }

    private async Task<long> CountTagged(Guid tag)
    {
        using var response = await _brand.Admin.PostAsJsonAsync("/api/audiences/count", new { expression = new { op = "tag", tag } });
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt64() : -1;
    }
}

public sealed class LiveCodeJourneySqlite() : LiveCodeJourneyTests("sqlite");

public sealed class LiveCodeJourneyPostgres() : LiveCodeJourneyTests("postgres");
