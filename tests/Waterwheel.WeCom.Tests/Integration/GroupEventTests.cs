using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Callbacks.Crypto;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Groups;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>change_external_chat callbacks through the real app keep customer groups and their members in step with WeCom.</summary>
public abstract class GroupEventTests(string provider) : IAsyncLifetime
{
    private const string GroupGet = "externalcontact/groupchat/get";
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string SimVersion(string chatId)
    {
        lock (_host.Simulator.State.Sync) return _host.Corp.Groups[chatId].MemberVersion;
    }

    private Task<CustomerGroup?> Group(string chatId) => _host.Read(db => db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.ChatId == chatId));

    private Task<GroupMembership?> Member(string chatId, string memberId) =>
        _host.Read(db => db.GroupMembers.AsNoTracking().FirstOrDefaultAsync(m => m.ChatId == chatId && m.MemberId == memberId));

    private async Task<string> CreatedGroup()
    {
        var created = await _host.Simulator.Crowd.StaffCreatesGroup(AppWithSimulator.CorpId, "guide.li", "南京西路店新品群");
        var chatId = created.ExternalUserid;
        await _host.Eventually(_ => Group(chatId), g => g is not null);
        return chatId;
    }

    private async Task<CustomerGroup> Joined(string chatId, string customer)
    {
        await _host.Simulator.Crowd.CustomerJoinsGroup(AppWithSimulator.CorpId, chatId, customer);
        var version = SimVersion(chatId);
        return (await _host.Eventually(_ => Group(chatId), g => g?.MemberVersion == version))!;
    }

    /// <summary>Hands an event to its handler again, as the inbox would after a crash between handling and acknowledging.</summary>
    private Task Handle(string xml) => _host.App.InScope(async sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(_host.TenantId, "wecom");
        var corp = await sp.GetRequiredService<TenantCorps>().Find(_host.TenantId, CancellationToken.None);
        var parsed = WeComEventParser.Parse(xml).Value!;
        await sp.GetRequiredKeyedService<IWeComEventHandler>(parsed.GetType()).Handle(parsed, corp!, CancellationToken.None);
        return true;
    });

    [Fact]
    public async Task A_group_created_in_WeCom_is_read_and_stored_with_its_owner_and_members()
    {
        var chatId = await CreatedGroup();

        var group = (await Group(chatId))!;
        Assert.Equal(("南京西路店新品群", "guide.li", GroupStatus.Active, 1), (group.Name, group.OwnerUserId, group.Status, group.MemberCount));
        Assert.Equal(SimVersion(chatId), group.MemberVersion);
        var owner = (await Member(chatId, "guide.li"))!;
        Assert.Equal(GroupMemberType.Staff, owner.Type);
        Assert.Null(owner.LeftAt);
    }

    [Fact]
    public async Task A_customer_joining_is_applied_from_the_event_alone_when_it_follows_the_stored_version()
    {
        var chatId = await CreatedGroup();
        var reads = _host.Simulator.State.Faults.Calls(GroupGet);

        var group = await Joined(chatId, "wm_joiner");

        Assert.Equal(2, group.MemberCount);
        var member = (await Member(chatId, "wm_joiner"))!;
        Assert.Equal((GroupMemberType.Customer, 3), (member.Type, member.JoinScene));
        Assert.Null(member.LeftAt);
        Assert.Equal(reads, _host.Simulator.State.Faults.Calls(GroupGet));
    }

    [Fact]
    public async Task A_customer_leaving_is_recorded_with_how_they_left_and_the_count_drops()
    {
        var chatId = await CreatedGroup();
        await Joined(chatId, "wm_leaver");

        await _host.Simulator.Crowd.CustomerLeavesGroup(AppWithSimulator.CorpId, chatId, "wm_leaver", quitScene: 1);

        var group = (await _host.Eventually(_ => Group(chatId), g => g?.MemberVersion == SimVersion(chatId)))!;
        Assert.Equal(1, group.MemberCount);
        var member = (await Member(chatId, "wm_leaver"))!;
        Assert.NotNull(member.LeftAt);
        Assert.Equal(1, member.QuitScene);
    }

    [Fact]
    public async Task A_missed_event_is_noticed_by_the_next_one_and_the_group_is_read_again()
    {
        var chatId = await CreatedGroup();
        var callback = _host.Corp.Callback;
        lock (_host.Simulator.State.Sync) _host.Corp.Callback = null; // this join's callback never reaches us
        await _host.Simulator.Crowd.CustomerJoinsGroup(AppWithSimulator.CorpId, chatId, "wm_missed");
        lock (_host.Simulator.State.Sync) _host.Corp.Callback = callback;
        var reads = _host.Simulator.State.Faults.Calls(GroupGet);

        var group = await Joined(chatId, "wm_seen");

        Assert.Equal(3, group.MemberCount);
        Assert.Null((await Member(chatId, "wm_missed"))!.LeftAt);
        Assert.Null((await Member(chatId, "wm_seen"))!.LeftAt);
        Assert.Equal(reads + 1, _host.Simulator.State.Faults.Calls(GroupGet));
    }

    [Fact]
    public async Task A_redelivered_event_is_stored_once_and_handling_it_again_changes_nothing()
    {
        var chatId = await CreatedGroup();
        var join = await _host.Simulator.Crowd.CustomerJoinsGroup(AppWithSimulator.CorpId, chatId, "wm_twice");
        var version = SimVersion(chatId);
        var before = (await _host.Eventually(_ => Group(chatId), g => g?.MemberVersion == version))!;
        var inbox = await InboxCount();
        var reads = _host.Simulator.State.Faults.Calls(GroupGet);

        // WeCom retries with the same event in a new envelope; and a crashed handler sees it a second time.
        var crypto = CallbackCrypto.Create(AppWithSimulator.Token, AppWithSimulator.AesKey, AppWithSimulator.CorpId).Value!;
        var resent = crypto.Seal(join.EventXml, _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(), "n-again");
        (await _host.App.Anonymous().PostAsync(_host.CallbackPath + resent.QueryString, new StringContent(resent.Body, Encoding.UTF8, "text/xml")))
            .EnsureSuccessStatusCode();
        await Handle(join.EventXml);

        Assert.Equal(inbox, await InboxCount());
        var after = (await Group(chatId))!;
        Assert.Equal((before.MemberVersion, before.MemberCount, before.Version), (after.MemberVersion, after.MemberCount, after.Version));
        Assert.Equal(reads, _host.Simulator.State.Faults.Calls(GroupGet));
    }

    [Fact]
    public async Task A_join_handled_after_the_leave_that_followed_it_does_not_bring_the_customer_back()
    {
        var chatId = await CreatedGroup();
        var join = await _host.Simulator.Crowd.CustomerJoinsGroup(AppWithSimulator.CorpId, chatId, "wm_late");
        await _host.Eventually(_ => Group(chatId), g => g?.MemberVersion == SimVersion(chatId));
        await _host.Simulator.Crowd.CustomerLeavesGroup(AppWithSimulator.CorpId, chatId, "wm_late");
        await _host.Eventually(_ => Group(chatId), g => g?.MemberVersion == SimVersion(chatId));

        await Handle(join.EventXml);

        Assert.NotNull((await Member(chatId, "wm_late"))!.LeftAt);
        var group = (await Group(chatId))!;
        Assert.Equal((1, SimVersion(chatId)), (group.MemberCount, group.MemberVersion));
    }

    [Fact]
    public async Task A_rename_is_read_from_WeCom()
    {
        var chatId = await CreatedGroup();

        await _host.Simulator.Crowd.OwnerRenamesGroup(AppWithSimulator.CorpId, chatId, "会员福利群");

        var group = await _host.Eventually(_ => Group(chatId), g => g?.Name == "会员福利群");
        Assert.Equal("会员福利群", group!.Name);
    }

    [Fact]
    public async Task A_dismissed_group_is_marked_so_and_later_updates_leave_it_alone()
    {
        var chatId = await CreatedGroup();
        var join = await _host.Simulator.Crowd.CustomerJoinsGroup(AppWithSimulator.CorpId, chatId, "wm_stay");
        await _host.Eventually(_ => Group(chatId), g => g?.MemberVersion == SimVersion(chatId));

        await _host.Simulator.Crowd.OwnerDismissesGroup(AppWithSimulator.CorpId, chatId);

        var group = (await _host.Eventually(_ => Group(chatId), g => g?.Status == GroupStatus.Dismissed))!;
        Assert.Equal(GroupStatus.Dismissed, group.Status);
        Assert.NotNull(group.EndedAt);
        await Handle(join.EventXml);
        Assert.Equal(GroupStatus.Dismissed, (await Group(chatId))!.Status);
    }

    [Fact]
    public async Task A_staff_member_joining_is_recorded_as_staff()
    {
        var added = await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.wang");
        await _host.Eventually(db => db.Relations.AnyAsync(r => r.StaffUserId == "guide.wang"), found => found);
        var chatId = await CreatedGroup();

        await Joined(chatId, "guide.wang");
        await Joined(chatId, added.ExternalUserid);

        Assert.Equal(GroupMemberType.Staff, (await Member(chatId, "guide.wang"))!.Type);
        Assert.Equal(GroupMemberType.Customer, (await Member(chatId, added.ExternalUserid))!.Type);
    }

    [Fact]
    public async Task Dismissing_a_group_we_never_saw_stores_it_as_dismissed_and_a_late_create_does_not_revive_it()
    {
        var created = await _host.Simulator.Crowd.StaffCreatesGroup(AppWithSimulator.CorpId, "guide.li", "临时群");
        var chatId = created.ExternalUserid;
        var dismissed = await _host.Simulator.Crowd.OwnerDismissesGroup(AppWithSimulator.CorpId, chatId);
        await _host.Eventually(_ => Group(chatId), g => g?.Status == GroupStatus.Dismissed);

        // Handled in the other order: the dismiss first, then the create whose read finds nothing.
        await _host.Read(async db => await db.Groups.Where(g => g.ChatId == chatId).ExecuteDeleteAsync());
        await Handle(dismissed.EventXml);
        await Handle(created.EventXml);

        var group = (await Group(chatId))!;
        Assert.Equal(GroupStatus.Dismissed, group.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(WeComEventParser.Parse(dismissed.EventXml).Value!.Header.CreateTime).UtcDateTime, group.CreatedAt);
    }

    // Callbacks only: the integration events a group change publishes land in the inbox too, whenever the relay gets to them.
    private Task<int> InboxCount() => _host.App.InScope(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>().Inbox
        .CountAsync(m => m.Source == Waterwheel.WeCom.Callbacks.Receiver.CallbackEndpoints.InboxSource));
}

public sealed class GroupEventSqlite() : GroupEventTests("sqlite");

public sealed class GroupEventPostgres() : GroupEventTests("postgres");
