using Microsoft.EntityFrameworkCore;
using Waterwheel.WeCom.Simulator.State;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>change_external_tag keeps the corp tags in step; edit_external_contact replaces a relation's tags as a set.</summary>
public abstract class TagEventTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;
    private SimTagGroup _channel = null!, _taste = null!;

    public async Task InitializeAsync()
    {
        _host = await AppWithSimulator.Start(provider);
        lock (_host.Simulator.State.Sync)
        {
            _channel = _host.Corp.AddTagGroup("渠道", _host.Simulator.State.Now, "门店", "直播");
            _taste = _host.Corp.AddTagGroup("口味偏好", _host.Simulator.State.Now, "甜", "咸");
        }
        // A shuffle reads every group: the quickest way to a known starting point.
        await _host.Simulator.Crowd.AdminReordersTagGroups(AppWithSimulator.CorpId, [_channel.GroupId, _taste.GroupId]);
        await _host.Eventually(db => db.Tags.CountAsync(), n => n == 4);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<CorpTagEntry?> Tag(string tagId) => _host.Read(db => db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.TagId == tagId));

    private Task<List<string>> TagsOf(string externalUserId, string staff) => _host.Read(db => db.RelationTags.AsNoTracking()
        .Where(t => t.ExternalUserId == externalUserId && t.StaffUserId == staff).Select(t => t.TagId).OrderBy(t => t).ToListAsync());

    [Fact]
    public async Task A_shuffle_reads_every_group_with_its_order()
    {
        _host.Time.Advance(TimeSpan.FromSeconds(1)); // the same event in the same second is one event to WeCom's dedupe key
        await _host.Simulator.Crowd.AdminReordersTagGroups(AppWithSimulator.CorpId, [_taste.GroupId, _channel.GroupId]);

        var taste = await _host.Eventually(db => db.TagGroups.AsNoTracking().SingleAsync(g => g.GroupId == _taste.GroupId), g => g.Order == 2);
        Assert.Equal(("口味偏好", 2L), (taste.Name, taste.Order));
        Assert.Equal(1, (await _host.Read(db => db.TagGroups.AsNoTracking().SingleAsync(g => g.GroupId == _channel.GroupId))).Order);
    }

    [Fact]
    public async Task A_tag_added_in_WeCom_is_stored_in_its_group()
    {
        var added = await _host.Simulator.Crowd.AdminAddsTag(AppWithSimulator.CorpId, _channel.GroupId, "快递卡片");

        var tag = await _host.Eventually(_ => Tag(added.ExternalUserid), t => t is not null);
        Assert.Equal(("快递卡片", _channel.GroupId, false), (tag!.Name, tag.GroupId, tag.Deleted));
    }

    [Fact]
    public async Task A_renamed_group_is_read_again()
    {
        await _host.Simulator.Crowd.AdminRenamesTagGroup(AppWithSimulator.CorpId, _taste.GroupId, "口味");

        var group = await _host.Eventually(db => db.TagGroups.AsNoTracking().SingleAsync(g => g.GroupId == _taste.GroupId), g => g.Name == "口味");
        Assert.Equal("口味", group.Name);
    }

    [Fact]
    public async Task Deleting_a_groups_last_tags_marks_the_tags_and_the_group_deleted()
    {
        var sweet = _taste.Tags[0].Id;
        var salty = _taste.Tags[1].Id;
        await _host.Simulator.Crowd.AdminDeletesTag(AppWithSimulator.CorpId, sweet);
        await _host.Eventually(_ => Tag(sweet), t => t!.Deleted);
        Assert.False((await Tag(salty))!.Deleted);

        await _host.Simulator.Crowd.AdminDeletesTag(AppWithSimulator.CorpId, salty);

        await _host.Eventually(_ => Tag(salty), t => t!.Deleted);
        Assert.True((await _host.Read(db => db.TagGroups.AsNoTracking().SingleAsync(g => g.GroupId == _taste.GroupId))).Deleted);
        Assert.False((await _host.Read(db => db.TagGroups.AsNoTracking().SingleAsync(g => g.GroupId == _channel.GroupId))).Deleted);
    }

    [Fact]
    public async Task A_guide_editing_a_customers_tags_replaces_the_relations_tag_set()
    {
        var customer = (await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li")).ExternalUserid;
        await _host.Eventually(db => db.Relations.AnyAsync(r => r.ExternalUserId == customer), found => found);
        string[] both = [_channel.Tags[0].Id, _taste.Tags[0].Id];

        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, both, []);
        Assert.Equal(both.Order(), await _host.Eventually(_ => TagsOf(customer, "guide.li"), t => t.Count == 2));

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, [_taste.Tags[1].Id], [_channel.Tags[0].Id]);
        var after = await _host.Eventually(_ => TagsOf(customer, "guide.li"), t => !t.Contains(_channel.Tags[0].Id));
        Assert.Equal(new[] { _taste.Tags[0].Id, _taste.Tags[1].Id }.Order(), after);
    }
}

public sealed class TagEventSqlite() : TagEventTests("sqlite");

public sealed class TagEventPostgres() : TagEventTests("postgres");
