using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Groups;
using Waterwheel.WeCom.Simulator.State;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>A full sync runs staff → corp tags → customers → groups → reconcile, each phase resumable and complete.</summary>
public abstract class SyncPhasesTests(string provider) : IAsyncLifetime
{
    private const string GroupList = "externalcontact/groupchat/list";
    private AppWithSimulator _host = null!;
    private long _longAgo;
    private SimTagGroup _channel = null!;
    private string _liGroup = "", _wangGroup = "", _customer = "";

    public async Task InitializeAsync()
    {
        _host = await AppWithSimulator.Start(provider);
        _longAgo = _host.Simulator.State.Now - 3600;
        lock (_host.Simulator.State.Sync)
        {
            var corp = _host.Corp;
            corp.Departments.Add(new SimDepartment { Id = 2, Name = "南京西路店", ParentId = 1 });
            corp.AddStaff("guide.zhao", "赵磊", 2).CanFollow = false;
            _channel = corp.AddTagGroup("渠道", _longAgo, "门店", "直播");
            _customer = corp.AddCustomer("陈静").ExternalUserid;
            corp.Relate("guide.li", _customer, _longAgo).TagIds.UnionWith(_channel.Tags.Select(t => t.Id));
            corp.Relate("guide.wang", _customer, _longAgo).TagIds.Add(_channel.Tags[1].Id);
            var li = corp.AddGroup("门店福利群", "guide.li", _longAgo);
            li.Members.Add(new SimGroupMember { Userid = _customer, Type = 2, JoinTime = _longAgo, JoinScene = 3, InvitorUserid = "guide.li" });
            _liGroup = li.ChatId;
            _wangGroup = corp.AddGroup("新品试吃群", "guide.wang", _longAgo).ChatId;
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Guid> Start() => _host.StartSync();

    private Task Drive(Guid run) => _host.DriveSync(run);

    private Task<SyncRun> Run(Guid id) => _host.SyncRun(id);

    private Task Step(Guid id) => _host.App.InScope(async sp =>
    {
        sp.GetRequiredService<Platform.Tenancy.ActorContext>().UseSystem(_host.TenantId);
        var run = await sp.GetRequiredService<Data.WeComDbContext>().SyncRuns.SingleAsync(r => r.Id == id);
        var corp = await sp.GetRequiredService<Connections.TenantCorps>().Find(_host.TenantId, CancellationToken.None);
        return await sp.GetRequiredService<SyncRunStep>().Advance(run, corp!, CancellationToken.None);
    });

    private void AddFollowers(int count, string groupOwnerSuffix)
    {
        lock (_host.Simulator.State.Sync)
        {
            for (var i = 0; i < count; i++) _host.Corp.AddStaff($"guide.n{i:D4}", $"导购{i}", 1);
            _host.Corp.AddGroup("最后一位导购的群", $"guide.n{groupOwnerSuffix}", _longAgo);
        }
    }

    [Fact]
    public async Task A_full_sync_stores_members_corp_tags_customer_tags_and_groups_with_their_members()
    {
        var id = await Start();
        await Drive(id);

        var run = await Run(id);
        Assert.Equal((SyncStatus.Succeeded, SyncPhase.Done), (run.Status, run.Phase));
        Assert.Equal((3, 2, 2, 2), (run.Members, run.Tags, run.Relations, run.Groups));
        var members = await _host.Read(db => db.WeComMembers.AsNoTracking().OrderBy(m => m.UserId).ToListAsync());
        Assert.Equal(["guide.li", "guide.wang", "guide.zhao"], members.Select(m => m.UserId));
        var zhao = members[2];
        Assert.Equal(("赵磊", false, 1), (zhao.Name, zhao.CanFollow, zhao.Status));
        Assert.Equal([2L], zhao.DepartmentIds);

        var tags = await _host.Read(db => db.Tags.AsNoTracking().Where(t => !t.Deleted).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync());
        Assert.Equal(["直播", "门店"], tags);
        Assert.Equal("渠道", (await _host.Read(db => db.TagGroups.AsNoTracking().SingleAsync())).Name);
        var carried = await _host.Read(db => db.RelationTags.AsNoTracking().Where(t => t.ExternalUserId == _customer)
            .Select(t => t.StaffUserId + ":" + t.TagId).ToListAsync());
        Assert.Equal(3, carried.Count);
        Assert.Contains($"guide.wang:{_channel.Tags[1].Id}", carried);

        var groups = await _host.Read(db => db.Groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync());
        Assert.Equal([("新品试吃群", 1), ("门店福利群", 2)], groups.Select(g => (g.Name, g.MemberCount)));
        var joined = await _host.Read(db => db.GroupMembers.AsNoTracking().SingleAsync(m => m.ChatId == _liGroup && m.MemberId == _customer));
        Assert.Equal((GroupMemberType.Customer, 3, "guide.li"), (joined.Type, joined.JoinScene, joined.InvitorUserId));
    }

    [Fact]
    public async Task Groups_are_listed_by_owner_in_chunks_of_a_hundred_so_a_large_corp_gets_no_81017()
    {
        AddFollowers(1001, "1000"); // an unfiltered groupchat/list now fails in WeCom

        var id = await Start();
        await Drive(id);

        var run = await Run(id);
        Assert.Equal(SyncStatus.Succeeded, run.Status);
        Assert.Equal(3, run.Groups);
        Assert.Equal(11, _host.Simulator.State.Faults.Calls(GroupList)); // 1003 followers, 100 per call
        Assert.True(await _host.Read(db => db.Groups.AnyAsync(g => g.OwnerUserId == "guide.n1000")));
    }

    [Fact]
    public async Task A_sync_interrupted_in_the_groups_phase_carries_on_with_the_next_owner_chunk()
    {
        AddFollowers(150, "0149");
        var id = await Start();
        while (await Run(id) is var run && !(run.Phase == SyncPhase.Groups && run.Chunk == 1)) await Step(id);
        Assert.Equal(1, _host.Simulator.State.Faults.Calls(GroupList));

        await Drive(id); // a new worker after a restart

        var done = await Run(id);
        Assert.Equal((SyncStatus.Succeeded, 3), (done.Status, done.Groups));
        Assert.Equal(2, _host.Simulator.State.Faults.Calls(GroupList));
    }

    [Fact]
    public async Task Groups_and_tags_WeCom_no_longer_has_are_ended_by_the_next_sync()
    {
        await Drive(await Start());
        lock (_host.Simulator.State.Sync)
        {
            _host.Corp.Groups.Remove(_wangGroup); // dismissed while callbacks were not reaching us
            var gone = _channel.Tags[0].Id; // deleted in the admin console, which takes it off every customer
            _channel.Tags.RemoveAt(0);
            foreach (var follow in _host.Corp.Follows) follow.TagIds.Remove(gone);
        }

        var second = await Start();
        await Drive(second);

        Assert.Equal(1, (await Run(second)).GroupsEnded);
        var wang = await _host.Read(db => db.Groups.AsNoTracking().SingleAsync(g => g.ChatId == _wangGroup));
        Assert.Equal(GroupStatus.NotFoundAtSync, wang.Status);
        Assert.Equal(GroupStatus.Active, (await _host.Read(db => db.Groups.AsNoTracking().SingleAsync(g => g.ChatId == _liGroup))).Status);
        Assert.Equal(["门店"], await _host.Read(db => db.Tags.AsNoTracking().Where(t => t.Deleted).Select(t => t.Name).ToListAsync()));
        // The customer's tag on guide.li went with it: WeCom's tag_id list is the whole set.
        Assert.Equal(2, await _host.Read(db => db.RelationTags.CountAsync(t => t.ExternalUserId == _customer)));
    }
}

public sealed class SyncPhasesSqlite() : SyncPhasesTests("sqlite");

public sealed class SyncPhasesPostgres() : SyncPhasesTests("postgres");
