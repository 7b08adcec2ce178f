using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Simulator.State;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>The console's read endpoints for groups, corp tags and WeCom members, over data a full sync brought in.</summary>
public abstract class WeComReadApiTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;
    private SimTagGroup _channel = null!;
    private string _group = "", _chen = "", _wu = "";

    public async Task InitializeAsync()
    {
        _host = await AppWithSimulator.Start(provider);
        var longAgo = _host.Simulator.State.Now - 3600;
        lock (_host.Simulator.State.Sync)
        {
            var corp = _host.Corp;
            corp.AddStaff("guide.zhao", "赵磊", 1);
            _channel = corp.AddTagGroup("渠道", longAgo, "门店", "直播");
            _chen = corp.AddCustomer("陈静").ExternalUserid;
            _wu = corp.AddCustomer("吴欣").ExternalUserid;
            // 陈静 carries 门店 with two guides: one customer, counted once.
            corp.Relate("guide.li", _chen, longAgo).TagIds.Add(_channel.Tags[0].Id);
            corp.Relate("guide.wang", _chen, longAgo).TagIds.Add(_channel.Tags[0].Id);
            corp.Relate("guide.li", _wu, longAgo).TagIds.Add(_channel.Tags[0].Id);
            var group = corp.AddGroup("门店福利群", "guide.li", longAgo);
            group.Members.Add(new SimGroupMember { Userid = _chen, Type = 2, JoinTime = longAgo + 60, JoinScene = 3 });
            _group = group.ChatId;
            corp.AddGroup("新品试吃群", "guide.wang", longAgo);
        }
        var started = await _host.Admin.PostAsync("/api/wecom/sync/customers", null);
        var run = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _host.App.Services.GetRequiredService<SyncDriver>().Drive(run, _host.TenantId, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> Get(string url)
    {
        var response = await _host.Admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Groups_list_with_owner_name_and_size_and_answer_search_and_sort()
    {
        var page = await Get("/api/wecom/groups?sort=members&desc=true");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var first = Items(page)[0];
        Assert.Equal(("门店福利群", "李娜", 2, "Active"), (first.GetProperty("name").GetString(), first.GetProperty("ownerName").GetString(),
            first.GetProperty("memberCount").GetInt32(), first.GetProperty("status").GetString()));

        var found = Items(await Get("/api/wecom/groups?q=试吃"));
        Assert.Equal("guide.wang", Assert.Single(found).GetProperty("ownerUserId").GetString());
    }

    [Fact]
    public async Task A_groups_members_list_with_names_and_a_customers_groups_can_be_found()
    {
        var members = Items(await Get($"/api/wecom/group-members?chatId={_group}"));
        Assert.Equal([("guide.li", "李娜", "Staff"), (_chen, "陈静", "Customer")],
            members.Select(m => (m.GetProperty("memberId").GetString(), m.GetProperty("name").GetString(), m.GetProperty("type").GetString())));

        var groups = Items(await Get($"/api/wecom/group-members?q=陈静&current=true"));
        Assert.Equal("门店福利群", Assert.Single(groups).GetProperty("groupName").GetString());
        Assert.Equal(0, (await Get("/api/wecom/group-members?chatId=wr_nosuchgroup")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Tags_list_how_many_customers_carry_each_counting_a_customer_once_and_only_while_related()
    {
        var tags = Items(await Get("/api/wecom/tags?sort=customers&desc=true"));
        Assert.Equal([("门店", 2), ("直播", 0)], tags.Select(t => (t.GetProperty("name").GetString(), t.GetProperty("customers").GetInt32())));
        Assert.All(tags, t => Assert.Equal("渠道", t.GetProperty("groupName").GetString()));

        await _host.Simulator.Crowd.CustomerDeletesStaff(AppWithSimulator.CorpId, "guide.li", _wu);
        await _host.Eventually(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Relations, r => r.ExternalUserId == _wu && r.Status == Contacts.RelationStatus.RemovedByCustomer), n => n == 1);

        var store = Items(await Get("/api/wecom/tags?q=门店"));
        Assert.Equal(1, Assert.Single(store).GetProperty("customers").GetInt32());
    }

    [Fact]
    public async Task WeCom_members_show_which_platform_staff_they_belong_to()
    {
        var units = await Get("/api/platform/org-units");
        var unit = units.EnumerateArray().First().GetProperty("id").GetGuid();
        var created = await _host.Admin.PostAsJsonAsync("/api/platform/staff",
            new { name = "李娜", mobile = "13800138001", weComUserId = "guide.li", role = "HqOperator", orgUnitId = unit });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var linked = Items(await Get("/api/wecom/members?linked=true"));
        var li = Assert.Single(linked);
        Assert.Equal(("guide.li", "李娜", true), (li.GetProperty("userId").GetString(), li.GetProperty("staffName").GetString(), li.GetProperty("linked").GetBoolean()));

        var unlinked = Items(await Get("/api/wecom/members?linked=false&sort=userid"));
        Assert.Equal(["guide.wang", "guide.zhao"], unlinked.Select(m => m.GetProperty("userId").GetString()));
        Assert.All(unlinked, m => Assert.False(m.GetProperty("linked").GetBoolean()));
    }
}

public sealed class WeComReadApiSqlite() : WeComReadApiTests("sqlite");

public sealed class WeComReadApiPostgres() : WeComReadApiTests("postgres");
