using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class GroupWelcomeTemplateEndpointTests
{
    private static GroupWelcomeTemplate Hello(string text = "欢迎 %NICKNAME% 加入南京西路店会员群") => new()
    {
        Text = new TextContent(text),
        Image = new ImageAttachment(PicUrl: "https://example.com/store.png"),
    };

    [Fact]
    public async Task Templates_round_trip_through_add_get_edit_and_delete()
    {
        await using var f = await WeComFixture.Start();
        var id = (await f.Client.AddGroupWelcomeTemplate(f.App, Hello())).Value!.TemplateId;
        var stored = (await f.Client.GetGroupWelcomeTemplate(f.App, id)).Value!;
        Assert.Equal(("欢迎 %NICKNAME% 加入南京西路店会员群", "https://example.com/store.png"), (stored.Text!.Content, stored.Image!.PicUrl));

        var edit = new GroupWelcomeTemplate { TemplateId = id, Link = new LinkAttachment("Member day", "https://example.com/m", Picurl: "https://example.com/p.png") };
        Assert.True((await f.Client.EditGroupWelcomeTemplate(f.App, edit)).IsSuccess);
        var edited = (await f.Client.GetGroupWelcomeTemplate(f.App, id)).Value!;
        Assert.Equal(("欢迎 %NICKNAME% 加入南京西路店会员群", "Member day", "https://example.com/m"), (edited.Text!.Content, edited.Link!.Title, edited.Link.Url));
        Assert.Null(edited.Image);

        Assert.True((await f.Client.DeleteGroupWelcomeTemplate(f.App, id)).IsSuccess);
        Assert.Equal(40058, (await f.Client.GetGroupWelcomeTemplate(f.App, id)).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.DeleteGroupWelcomeTemplate(f.App, id)).Error!.ErrCode);
    }

    [Fact]
    public async Task Content_rules_are_enforced_and_a_refused_edit_changes_nothing()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(40058, (await f.Client.AddGroupWelcomeTemplate(f.App, Hello(new string('欢', 1001)))).Error!.ErrCode); // 3003 bytes
        Assert.True((await f.Client.AddGroupWelcomeTemplate(f.App, Hello(new string('欢', 1000)))).IsSuccess);       // 3000 bytes
        Assert.Equal(40058, (await f.Client.AddGroupWelcomeTemplate(f.App, new GroupWelcomeTemplate())).Error!.ErrCode);
        var twoAttachments = new GroupWelcomeTemplate { Text = new("hi"), Image = new(PicUrl: "https://example.com/a.png"), File = new("3attfile") };
        Assert.Equal(41065, (await f.Client.AddGroupWelcomeTemplate(f.App, twoAttachments)).Error!.ErrCode);
        var noCover = new GroupWelcomeTemplate { Miniprogram = new MiniprogramAttachment("Shop", "", "wx123", "pages/index") };
        Assert.Equal(40058, (await f.Client.AddGroupWelcomeTemplate(f.App, noCover)).Error!.ErrCode);
        Assert.Single(f.Corp.GroupWelcomeTemplates);

        var id = f.Corp.GroupWelcomeTemplates.Keys.Single();
        var tooLong = new GroupWelcomeTemplate { TemplateId = id, Text = new(new string('a', 3001)), Video = new("3attvideo") };
        Assert.Equal(40058, (await f.Client.EditGroupWelcomeTemplate(f.App, tooLong)).Error!.ErrCode);
        var kept = (await f.Client.GetGroupWelcomeTemplate(f.App, id)).Value!;
        Assert.Equal((new string('欢', 1000), "https://example.com/store.png"), (kept.Text!.Content, kept.Image!.PicUrl));
        Assert.Null(kept.Video);
    }

    [Fact]
    public async Task A_corp_keeps_at_most_100_templates()
    {
        await using var f = await WeComFixture.Start();
        var ids = new List<string>();
        for (var i = 0; i < 100; i++) ids.Add((await f.Client.AddGroupWelcomeTemplate(f.App, Hello($"Welcome #{i}"))).Value!.TemplateId);
        Assert.Equal(100, ids.Distinct().Count());

        var full = (await f.Client.AddGroupWelcomeTemplate(f.App, Hello())).Error!;
        Assert.Equal((41055, WeComErrorKind.Data), (full.ErrCode, full.Kind));
        Assert.Contains("100", full.Message);
        Assert.Equal(100, f.Corp.GroupWelcomeTemplates.Count);

        await f.Client.DeleteGroupWelcomeTemplate(f.App, ids[0]);
        Assert.True((await f.Client.AddGroupWelcomeTemplate(f.App, Hello())).IsSuccess);
    }
}
