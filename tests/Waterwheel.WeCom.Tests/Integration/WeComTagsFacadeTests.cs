using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// The corp tag façade another module uses, through the real app and the simulator: what it makes, renames and
/// deletes happens in WeCom, and none of it comes back as a change made in WeCom.
/// </summary>
public abstract class WeComTagsFacadeTests(string provider) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IWeComTags Facade => _host.App.Services.GetRequiredService<IWeComTags>();

    private Guid Tenant => _host.TenantId;

    private async Task AssertNothingAnnounced()
    {
        await _host.Settled();
        Assert.Empty(await _host.Published<CorpTagGroupChanged>());
        Assert.Empty(await _host.Published<CorpTagChanged>());
    }

    [Fact]
    public async Task A_group_made_here_is_made_renamed_reordered_and_deleted_in_WeCom_and_never_echoes()
    {
        var made = await Facade.CreateGroup(Tenant, "会员等级", [new("金卡", 3), new("银卡", 2)], 9, None);
        Assert.Equal(WeComTagStatus.Done, made.Status);
        var group = made.Value!;
        lock (_host.Simulator.State.Sync)
        {
            var simulated = _host.Corp.TagGroups.Single(g => g.GroupId == group.GroupId);
            Assert.Equal(("会员等级", 9L), (simulated.GroupName, simulated.Order));
            Assert.Equal(simulated.Tags.Select(t => (t.Id, t.Name)).Order(), group.Tags.Select(t => (t.TagId, t.Name)).Order());
        }
        var bronze = Assert.Single((await Facade.CreateTags(Tenant, group.GroupId, [new("铜卡")], None)).Value!);
        var gold = group.Tags.Single(t => t.Name == "金卡");

        Assert.True((await Facade.EditGroup(Tenant, group.GroupId, "会员", null, None)).IsDone);
        Assert.True((await Facade.EditTag(Tenant, gold.TagId, "黑金卡", 8, None)).IsDone);
        Assert.True((await Facade.DeleteTags(Tenant, [bronze.TagId], None)).IsDone);
        lock (_host.Simulator.State.Sync)
        {
            var simulated = _host.Corp.TagGroups.Single(g => g.GroupId == group.GroupId);
            Assert.Equal("会员", simulated.GroupName);
            Assert.Equal(("黑金卡", 8L), (simulated.Tags.Single(t => t.Id == gold.TagId).Name, simulated.Tags.Single(t => t.Id == gold.TagId).Order));
            Assert.DoesNotContain(simulated.Tags, t => t.Id == bronze.TagId);
        }
        var listed = Assert.Single(await Facade.Groups(Tenant, None));
        Assert.Equal(("会员", 9L), (listed.Name, listed.Order));
        Assert.Equal(["黑金卡", "银卡"], listed.Tags.Select(t => t.Name));

        // A full sync reads everything back from WeCom: what the façade stored matches, so nothing is announced.
        await _host.DriveSync(await _host.StartSync());
        await AssertNothingAnnounced();

        Assert.True((await Facade.DeleteGroup(Tenant, group.GroupId, None)).IsDone);
        lock (_host.Simulator.State.Sync) Assert.DoesNotContain(_host.Corp.TagGroups, g => g.GroupId == group.GroupId);
        Assert.Empty(await Facade.Groups(Tenant, None));
        await _host.DriveSync(await _host.StartSync());
        await AssertNothingAnnounced();
    }

    [Fact]
    public async Task What_WeCom_refuses_comes_back_as_an_outcome_that_says_why()
    {
        var group = (await Facade.CreateGroup(Tenant, "口味", [new("甜")], null, None)).Value!;

        Assert.Equal(WeComTagStatus.NameExists, (await Facade.CreateGroup(Tenant, "口味", [new("咸")], null, None)).Status);
        Assert.Equal(WeComTagStatus.NameExists, (await Facade.CreateTags(Tenant, group.GroupId, [new("甜")], None)).Status);
        Assert.Equal(WeComTagStatus.NotFound, (await Facade.EditTag(Tenant, "et-no-such-tag", "咸", null, None)).Status);
        Assert.Equal(WeComTagStatus.NotFound, (await Facade.DeleteTags(Tenant, ["et-no-such-tag"], None)).Status);
        Assert.Equal(WeComTagStatus.NotFound, (await Facade.CreateTags(Tenant, "et-no-such-group", [new("咸")], None)).Status);

        var tooLong = await Facade.CreateGroup(Tenant, new string('长', 31), [new("甜")], null, None);
        Assert.Equal(WeComTagStatus.Invalid, tooLong.Status);
        Assert.False(string.IsNullOrEmpty(tooLong.Error));
        Assert.Equal(WeComTagStatus.Invalid, (await Facade.CreateGroup(Tenant, "空", [], null, None)).Status);
        Assert.Equal(WeComTagStatus.Invalid, (await Facade.CreateTags(Tenant, group.GroupId, [new("咸"), new("咸")], None)).Status);
        Assert.Equal(WeComTagStatus.Invalid, (await Facade.EditTag(Tenant, group.Tags[0].TagId, null, null, None)).Status);
        Assert.Equal(WeComTagStatus.NotConnected, (await Facade.CreateGroup(Guid.NewGuid(), "渠道", [new("门店")], null, None)).Status);

        _host.Simulator.State.Faults.Inject("externalcontact/add_corp_tag", 48002);
        var refused = await Facade.CreateTags(Tenant, group.GroupId, [new("咸")], None);
        Assert.Equal((WeComTagStatus.Refused, false), (refused.Status, refused.Retryable));
        // Nothing WeCom refused reached the stored tags.
        Assert.Equal(["甜"], Assert.Single(await Facade.Groups(Tenant, None)).Tags.Select(t => t.Name));
    }

    [Fact]
    public async Task A_customer_is_tagged_through_the_owning_relation_untagged_everywhere_and_no_mark_echoes()
    {
        var group = (await Facade.CreateGroup(Tenant, "会员等级", [new("金卡"), new("银卡")], null, None)).Value!;
        var (gold, silver) = (group.Tags.Single(t => t.Name == "金卡").TagId, group.Tags.Single(t => t.Name == "银卡").TagId);
        var customer = (await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li")).ExternalUserid;
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        lock (_host.Simulator.State.Sync) _host.Corp.Relate("guide.wang", customer, _host.Simulator.State.Now);
        await _host.Eventually(db => db.Relations.CountAsync(r => r.ExternalUserId == customer), n => n == 1);
        await _host.DriveSync(await _host.StartSync());

        // guide.li's relationship is the older one: it owns the customer and takes the tag.
        var marked = await Facade.MarkCustomer(Tenant, customer, null, [gold], [], None);
        Assert.Equal(WeComTagStatus.Done, marked.Status);
        var owner = Assert.Single(marked.Value!);
        Assert.Equal(("guide.li", gold), (owner.StaffUserId, Assert.Single(owner.TagIds)));
        Assert.Equal([gold], SimulatedTags("guide.li", customer));

        // Already carried by one relationship: nothing to do.
        Assert.Empty((await Facade.MarkCustomer(Tenant, customer, null, [gold], [], None)).Value!);
        Assert.True((await Facade.MarkCustomer(Tenant, customer, "guide.wang", [gold, silver], [], None)).IsDone);
        Assert.Equal([gold, silver], SimulatedTags("guide.wang", customer).Order());

        var untagged = await Facade.MarkCustomer(Tenant, customer, null, [], [gold], None);
        Assert.Equal(["guide.li", "guide.wang"], untagged.Value!.Select(m => m.StaffUserId).Order());
        Assert.Empty(SimulatedTags("guide.li", customer));
        Assert.Equal([silver], SimulatedTags("guide.wang", customer));
        var stored = await Facade.CustomerTags(Tenant, customer, None);
        Assert.Equal([("guide.li", ""), ("guide.wang", silver)], stored.Select(s => (s.StaffUserId, string.Join(',', s.TagIds))));

        // An edit callback re-reads the customer, and a sync reads every relationship: each finds what the marks stored.
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.wang", customer, [], []);
        await _host.DriveSync(await _host.StartSync());
        await _host.Settled();
        Assert.Empty(await _host.Published<CustomerTagsChanged>());

        Assert.Equal(WeComTagStatus.NotFound, (await Facade.MarkCustomer(Tenant, customer, "guide.li", ["et-no-such-tag"], [], None)).Status);
        Assert.Equal(WeComTagStatus.NoRelation, (await Facade.MarkCustomer(Tenant, customer, "guide.nobody", [gold], [], None)).Status);
        Assert.Equal(WeComTagStatus.NoRelation, (await Facade.MarkCustomer(Tenant, "wm-never-seen", null, [gold], [], None)).Status);
        Assert.Equal(WeComTagStatus.Invalid, (await Facade.MarkCustomer(Tenant, customer, null, [], [], None)).Status);
    }

    private List<string> SimulatedTags(string staff, string customer)
    {
        lock (_host.Simulator.State.Sync) return _host.Corp.Follow(staff, customer)!.TagIds.ToList();
    }
}

public sealed class WeComTagsFacadeSqlite() : WeComTagsFacadeTests("sqlite");

public sealed class WeComTagsFacadePostgres() : WeComTagsFacadeTests("postgres");
