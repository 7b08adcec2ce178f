using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waterwheel.WeCom.Callbacks.Crypto;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>
/// What happens to tags in WeCom reaches other modules as integration events: an admin's tag changes
/// (change_external_tag), a guide's tagging (edit_external_contact), and what a sync finds that no callback said.
/// </summary>
public abstract class TagChangeEventTests(string provider) : IAsyncLifetime
{
    private AppWithSimulator _host = null!;
    private SimTagGroup _taste = null!;

    public async Task InitializeAsync()
    {
        _host = await AppWithSimulator.Start(provider);
        lock (_host.Simulator.State.Sync) _taste = _host.Corp.AddTagGroup("口味偏好", _host.Simulator.State.Now, "甜", "咸");
        await _host.DriveSync(await _host.StartSync());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Sweet => _taste.Tags[0].Id;

    private string Salty => _taste.Tags[1].Id;

    [Fact]
    public async Task The_first_sync_announces_the_corp_tags_once_and_a_second_sync_nothing()
    {
        var group = Assert.Single(await _host.Published<CorpTagGroupChanged>());
        Assert.Equal(("口味偏好", CorpTagChange.Created), (group.Name, group.Change));
        var tags = await _host.Published<CorpTagChanged>();
        Assert.Equal(["咸", "甜"], tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tags, t => Assert.Equal((_taste.GroupId, "口味偏好", CorpTagChange.Created), (t.GroupId, t.GroupName, t.Change)));

        await _host.DriveSync(await _host.StartSync());
        Assert.Single(await _host.Published<CorpTagGroupChanged>());
        Assert.Equal(2, (await _host.Published<CorpTagChanged>()).Count);
    }

    [Fact]
    public async Task A_tag_made_in_WeCom_is_announced_exactly_once_however_often_WeCom_says_so()
    {
        var added = await _host.Simulator.Crowd.AdminAddsTag(AppWithSimulator.CorpId, _taste.GroupId, "辣");
        var created = await _host.AtLeast<CorpTagChanged>(3);

        // The same callback again, and a later one about the same unchanged tag: each re-reads WeCom and finds nothing new.
        await _host.Simulator.Pusher.Push(AppWithSimulator.CorpId, _host.Corp.Callback!, added.EventXml);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var later = Regex.Replace(added.EventXml, "<CreateTime>\\d+</CreateTime>", $"<CreateTime>{_host.Time.GetUtcNow().ToUnixTimeSeconds()}</CreateTime>");
        Assert.NotEqual(added.EventXml, later);
        await _host.Simulator.Pusher.Push(AppWithSimulator.CorpId, _host.Corp.Callback!, later);
        await _host.Settled();

        var announced = Assert.Single(await _host.Published<CorpTagChanged>(), t => t.TagId == added.ExternalUserid);
        Assert.Equal(("辣", _taste.GroupId, "口味偏好", CorpTagChange.Created, _host.TenantId),
            (announced.Name, announced.GroupId, announced.GroupName, announced.Change, announced.TenantId));
        Assert.Equal(3, created.Count);
        Assert.Single(await _host.Published<CorpTagGroupChanged>());
    }

    [Fact]
    public async Task A_tag_callback_the_receiver_refuses_changes_no_tags_and_announces_nothing()
    {
        string tagId;
        lock (_host.Simulator.State.Sync)
        {
            tagId = _host.Corp.NewId("et");
            _host.Corp.TagGroups.Single(g => g.GroupId == _taste.GroupId).Tags.Add(new SimTag { Id = tagId, Name = "酸", CreateTime = _host.Simulator.State.Now });
        }
        var now = _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var xml = $"<xml><ToUserName><![CDATA[{AppWithSimulator.CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>" +
                  $"<CreateTime>{now}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_tag]]></Event>" +
                  $"<ChangeType><![CDATA[create]]></ChangeType><Id><![CDATA[{tagId}]]></Id><TagType><![CDATA[tag]]></TagType></xml>";
        var crypto = CallbackCrypto.Create(AppWithSimulator.Token, AppWithSimulator.AesKey, AppWithSimulator.CorpId).Value!;
        var genuine = crypto.Seal(xml, now, "n-tag");
        var forged = genuine with { MsgSignature = new string('0', 40) };
        Task<HttpResponseMessage> Post(SealedCallback callback) => _host.App.Anonymous().PostAsync(_host.CallbackPath + callback.QueryString,
            new StringContent(callback.Body, Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.BadRequest, (await Post(forged)).StatusCode);
        await _host.Settled();
        Assert.False(await _host.Read(db => db.Tags.AnyAsync(t => t.TagId == tagId)));
        Assert.Equal(2, (await _host.Published<CorpTagChanged>()).Count);

        // The same event, sealed as WeCom seals it, is what would have changed them.
        Assert.Equal(HttpStatusCode.OK, (await Post(genuine)).StatusCode);
        Assert.Equal("酸", (await _host.AtLeast<CorpTagChanged>(3)).Last().Name);
    }

    [Fact]
    public async Task Renames_and_deletes_in_WeCom_are_announced_with_the_state_they_leave()
    {
        await _host.Simulator.Crowd.AdminRenamesTag(AppWithSimulator.CorpId, Sweet, "甜口");
        var renamed = (await _host.AtLeast<CorpTagChanged>(3)).Last();
        Assert.Equal((Sweet, "甜口", CorpTagChange.Updated), (renamed.TagId, renamed.Name, renamed.Change));

        var made = await _host.Simulator.Crowd.AdminAddsTagGroup(AppWithSimulator.CorpId, "渠道", ["门店", "直播"]);
        await _host.AtLeast<CorpTagGroupChanged>(2);
        Assert.Equal(5, (await _host.AtLeast<CorpTagChanged>(5)).Count);

        var customer = (await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li")).ExternalUserid;
        string store;
        lock (_host.Simulator.State.Sync) store = _host.Corp.TagGroups.Single(g => g.GroupId == made.ExternalUserid).Tags[0].Id;
        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, [store, Salty], []);
        await _host.AtLeast<CustomerTagsChanged>(1);
        // Both the add and the edit are handled: an edit re-read after the deletion would rightly report the tag gone.
        await _host.Settled();

        await _host.Simulator.Crowd.AdminDeletesTagGroup(AppWithSimulator.CorpId, made.ExternalUserid);
        var deleted = (await _host.AtLeast<CorpTagGroupChanged>(3)).Last();
        Assert.Equal((made.ExternalUserid, "渠道", CorpTagChange.Deleted), (deleted.GroupId, deleted.Name, deleted.Change));
        var tagsDeleted = (await _host.AtLeast<CorpTagChanged>(7)).Where(t => t.Change == CorpTagChange.Deleted).ToList();
        Assert.Equal(["直播", "门店"], tagsDeleted.Select(t => t.Name).Order(StringComparer.Ordinal));

        // WeCom took the tags off the customer without an edit per customer; the stored tags follow, and no customer event is made up.
        var stillOn = await _host.Read(db => db.RelationTags.AsNoTracking().Where(t => t.ExternalUserId == customer).Select(t => t.TagId).ToListAsync());
        Assert.Equal([Salty], stillOn);
        await _host.Settled();
        Assert.Single(await _host.Published<CustomerTagsChanged>());
    }

    [Fact]
    public async Task A_guide_tagging_a_customer_in_WeCom_is_announced_with_the_whole_set_and_what_changed()
    {
        var customer = (await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li")).ExternalUserid;
        await _host.Eventually(db => db.Relations.AnyAsync(r => r.ExternalUserId == customer), found => found);

        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, [Sweet, Salty], []);
        var tagged = Assert.Single(await _host.AtLeast<CustomerTagsChanged>(1));
        Assert.Equal((_host.TenantId, customer, "guide.li", CustomerTagsCause.ChangedInWeCom), (tagged.TenantId, tagged.ExternalUserId, tagged.StaffUserId, tagged.Cause));
        Assert.Equal(new[] { Sweet, Salty }.Order(StringComparer.Ordinal), tagged.TagIds);
        Assert.Equal(tagged.TagIds, tagged.Added);
        Assert.Empty(tagged.Removed);
        Assert.Equal(new[] { (Sweet, "甜", "口味偏好"), (Salty, "咸", "口味偏好") }.OrderBy(n => n.Item1, StringComparer.Ordinal),
            tagged.Names.Select(n => (n.TagId, n.Name, n.GroupName)).OrderBy(n => n.TagId, StringComparer.Ordinal));

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, [], [Sweet]);
        var untagged = (await _host.AtLeast<CustomerTagsChanged>(2)).Last();
        Assert.Equal([Salty], untagged.TagIds);
        Assert.Empty(untagged.Added);
        Assert.Equal([Sweet], untagged.Removed);

        // A remark-only edit re-reads the customer and finds the same tags.
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, [], []);
        await _host.Settled();
        Assert.Equal(2, (await _host.Published<CustomerTagsChanged>()).Count);

        // The customer deletes the guide: the relationship's tags go with it.
        await _host.Simulator.Crowd.CustomerDeletesStaff(AppWithSimulator.CorpId, "guide.li", customer);
        var ended = (await _host.AtLeast<CustomerTagsChanged>(3)).Last();
        Assert.Equal((CustomerTagsCause.RelationEnded, Salty), (ended.Cause, Assert.Single(ended.Removed)));
        Assert.Empty(ended.TagIds);
    }

    [Fact]
    public async Task A_tag_a_guide_uses_before_its_own_callback_arrives_is_read_and_announced_with_the_customers_tags()
    {
        var customer = (await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li")).ExternalUserid;
        await _host.Eventually(db => db.Relations.AnyAsync(r => r.ExternalUserId == customer), found => found);
        string fresh;
        lock (_host.Simulator.State.Sync)
        {
            // Made in the console a moment ago; its change_external_tag callback is still on its way.
            fresh = _host.Corp.NewId("et");
            _host.Corp.TagGroups.Single(g => g.GroupId == _taste.GroupId).Tags.Add(new SimTag { Id = fresh, Name = "麻辣", CreateTime = _host.Simulator.State.Now });
        }

        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, [fresh], []);

        var tagged = Assert.Single(await _host.AtLeast<CustomerTagsChanged>(1));
        Assert.Equal([fresh], tagged.Added);
        Assert.Equal(("麻辣", "口味偏好"), (Assert.Single(tagged.Names).Name, tagged.Names[0].GroupName));
        var tag = Assert.Single(await _host.Published<CorpTagChanged>(), t => t.TagId == fresh);
        Assert.Equal(("麻辣", CorpTagChange.Created), (tag.Name, tag.Change));
    }

    [Fact]
    public async Task A_guides_tagging_is_stored_and_announced_even_when_WeCom_will_not_describe_the_tag()
    {
        var customer = (await _host.Simulator.Crowd.AddStaff(AppWithSimulator.CorpId, "guide.li")).ExternalUserid;
        await _host.Eventually(db => db.Relations.AnyAsync(r => r.ExternalUserId == customer), found => found);
        string fresh;
        lock (_host.Simulator.State.Sync)
        {
            fresh = _host.Corp.NewId("et");
            _host.Corp.TagGroups.Single(g => g.GroupId == _taste.GroupId).Tags.Add(new SimTag { Id = fresh, Name = "麻辣", CreateTime = _host.Simulator.State.Now });
        }
        _host.Simulator.State.Faults.Inject("externalcontact/get_corp_tag_list", 48002);

        await _host.Simulator.Crowd.StaffEditsTags(AppWithSimulator.CorpId, "guide.li", customer, [fresh], []);

        var tagged = Assert.Single(await _host.AtLeast<CustomerTagsChanged>(1));
        Assert.Equal((fresh, ""), (Assert.Single(tagged.Added), Assert.Single(tagged.Names).Name));
        Assert.DoesNotContain(await _host.Published<CorpTagChanged>(), t => t.TagId == fresh);
    }

    [Fact]
    public async Task A_sync_announces_what_a_missed_callback_hid_and_takes_relationships_it_meets_as_they_are()
    {
        string known, found;
        lock (_host.Simulator.State.Sync)
        {
            // Both began before this corp was connected: no callback ever told of them.
            known = _host.Corp.AddCustomer("陈静").ExternalUserid;
            _host.Corp.Relate("guide.li", known, _host.Simulator.State.Now);
            found = _host.Corp.AddCustomer("杨敏").ExternalUserid;
            _host.Corp.Relate("guide.wang", found, _host.Simulator.State.Now).TagIds.Add(Sweet);
        }
        await _host.DriveSync(await _host.StartSync());
        var first = Assert.Single(await _host.Published<CustomerTagsChanged>());
        Assert.Equal((found, CustomerTagsCause.FirstSeen, Sweet), (first.ExternalUserId, first.Cause, Assert.Single(first.TagIds)));
        Assert.Empty(first.Added);
        Assert.Empty(first.Removed);

        // A guide tags in WeCom while the callback is lost, and an admin renames a tag the same way.
        lock (_host.Simulator.State.Sync)
        {
            _host.Corp.Follow("guide.li", known)!.TagIds.Add(Salty);
            _host.Corp.Tag(Salty)!.Name = "咸口";
        }
        await _host.DriveSync(await _host.StartSync());

        var missed = (await _host.Published<CustomerTagsChanged>()).Last();
        Assert.Equal((known, "guide.li", CustomerTagsCause.FoundAtSync, Salty), (missed.ExternalUserId, missed.StaffUserId, missed.Cause, Assert.Single(missed.Added)));
        Assert.Equal(2, (await _host.Published<CustomerTagsChanged>()).Count);
        var renamed = (await _host.Published<CorpTagChanged>()).Last();
        Assert.Equal((Salty, "咸口", CorpTagChange.Updated), (renamed.TagId, renamed.Name, renamed.Change));
    }
}

public sealed class TagChangeEventSqlite() : TagChangeEventTests("sqlite");

public sealed class TagChangeEventPostgres() : TagChangeEventTests("postgres");
