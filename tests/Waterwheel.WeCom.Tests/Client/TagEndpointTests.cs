using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class TagEndpointTests
{
    [Fact]
    public async Task List_returns_all_or_filters_with_group_ids_winning()
    {
        await using var f = await WeComFixture.Start();
        var created = (await f.Client.AddCorpTag(f.App, new AddCorpTagRequest([new("Gold"), new("Silver", 2)], GroupName: "Tier"))).Value!.TagGroup!;
        Assert.Equal(["Gold", "Silver"], created.Tag.Select(t => t.Name));

        var all = (await f.Client.GetCorpTagList(f.App)).Value!.TagGroup;
        Assert.Equal(["Channel", "Tier"], all.Select(g => g.GroupName));

        var byTag = (await f.Client.GetCorpTagList(f.App, tagIds: [created.Tag[1].Id])).Value!.TagGroup;
        Assert.Equal("Silver", Assert.Single(Assert.Single(byTag).Tag).Name);

        var groupWins = (await f.Client.GetCorpTagList(f.App, tagIds: [created.Tag[1].Id], groupIds: [f.Channel.GroupId])).Value!.TagGroup;
        Assert.Equal("Channel", Assert.Single(groupWins).GroupName);
    }

    [Fact]
    public async Task Add_to_an_existing_group_and_duplicate_names_are_40071()
    {
        await using var f = await WeComFixture.Start();
        var added = await f.Client.AddCorpTag(f.App, new AddCorpTagRequest([new("Live stream")], GroupId: f.Channel.GroupId));
        Assert.Equal(f.Channel.GroupId, added.Value!.TagGroup!.GroupId);
        var duplicate = (await f.Client.AddCorpTag(f.App, new AddCorpTagRequest([new("Store")], GroupId: f.Channel.GroupId))).Error!;
        Assert.Equal((40071, WeComErrorKind.Data), (duplicate.ErrCode, duplicate.Kind));
    }

    [Fact]
    public async Task Edit_renames_tags_and_groups()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.EditCorpTag(f.App, new EditCorpTagRequest(f.Channel.Tags[0].Id, "Flagship store", 9))).IsSuccess);
        Assert.True((await f.Client.EditCorpTag(f.App, new EditCorpTagRequest(f.Channel.GroupId, "Source"))).IsSuccess);
        var group = Assert.Single((await f.Client.GetCorpTagList(f.App)).Value!.TagGroup);
        Assert.Equal(("Source", "Flagship store", 9L), (group.GroupName, group.Tag[0].Name, group.Tag[0].Order));
        Assert.Equal(40068, (await f.Client.EditCorpTag(f.App, new EditCorpTagRequest("etnope", "x"))).Error!.ErrCode);
    }

    [Fact]
    public async Task Delete_removes_tags_from_customers_and_empties_groups()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        var (store, parcel) = (f.Channel.Tags[0].Id, f.Channel.Tags[1].Id);
        Assert.True((await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", customer, AddTag: [store, parcel]))).IsSuccess);
        Assert.True((await f.Client.DeleteCorpTag(f.App, tagIds: [store])).IsSuccess);
        Assert.Equal([parcel], (await f.Client.GetExternalContact(f.App, customer)).Value!.FollowUser[0].Tags.Select(t => t.TagId));

        Assert.True((await f.Client.DeleteCorpTag(f.App, tagIds: [parcel])).IsSuccess);
        Assert.Empty((await f.Client.GetCorpTagList(f.App)).Value!.TagGroup);
    }

    [Fact]
    public async Task Mark_tag_adds_and_removes_and_checks_its_inputs()
    {
        await using var f = await WeComFixture.Start();
        var customer = f.Corp.Follows[0].ExternalUserid;
        var (store, parcel) = (f.Channel.Tags[0].Id, f.Channel.Tags[1].Id);
        Assert.True((await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", customer, AddTag: [store]))).IsSuccess);
        Assert.True((await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", customer, AddTag: [parcel], RemoveTag: [store]))).IsSuccess);
        var batch = (await f.Client.BatchGetByUser(f.App, new BatchGetByUserRequest(["guide.li"]))).Value!;
        Assert.Equal([parcel], batch.ExternalContactList.Single(c => c.ExternalContact!.ExternalUserid == customer).FollowInfo!.TagId);

        Assert.Equal(40058, (await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", customer))).Error!.ErrCode);
        Assert.Equal(40068, (await f.Client.MarkTag(f.App, new MarkTagRequest("guide.li", customer, AddTag: ["etnope"]))).Error!.ErrCode);
        Assert.Equal(84061, (await f.Client.MarkTag(f.App, new MarkTagRequest("guide.wang", customer, AddTag: [store]))).Error!.ErrCode);
    }
}
