using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class WelcomeEndpointTests
{
    private static WelcomeMessage Hello(string code) => new(code, new TextContent("欢迎光临 Nanjing Rd!"),
        [new Attachment("link", Link: new LinkAttachment("Member day", "https://example.com/m", Picurl: "https://example.com/p.png"))]);

    private static async Task<string> NewCode(WeComFixture f) => (await f.Simulator.Crowd.AddStaff(WeComFixture.CorpId, "guide.wang")).WelcomeCode!;

    [Fact]
    public async Task A_fresh_code_delivers_once()
    {
        await using var f = await WeComFixture.Start();
        var code = await NewCode(f);
        Assert.True((await f.Client.SendWelcomeMessage(f.App, Hello(code))).IsSuccess);
        Assert.Equal("欢迎光临 Nanjing Rd!", Assert.Single(f.Corp.Delivered).Text);

        var again = (await f.Client.SendWelcomeMessage(f.App, Hello(code))).Error!;
        Assert.Equal((41051, WeComErrorKind.Data), (again.ErrCode, again.Kind));
        Assert.Single(f.Corp.Delivered);
    }

    [Fact]
    public async Task A_code_is_good_for_twenty_seconds()
    {
        await using var f = await WeComFixture.Start();
        var onTime = await NewCode(f);
        var late = await NewCode(f);
        f.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True((await f.Client.SendWelcomeMessage(f.App, Hello(onTime))).IsSuccess);
        f.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(41050, (await f.Client.SendWelcomeMessage(f.App, Hello(late))).Error!.ErrCode);
    }

    [Fact]
    public async Task Unknown_code_is_41050()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(41050, (await f.Client.SendWelcomeMessage(f.App, Hello("made-up"))).Error!.ErrCode);
    }

    [Fact]
    public async Task Another_app_delivering_41096_is_retried()
    {
        await using var f = await WeComFixture.Start();
        var code = await NewCode(f);
        f.State.Faults.Inject("externalcontact/send_welcome_msg", 41096);
        Assert.True((await f.Client.SendWelcomeMessage(f.App, Hello(code))).IsSuccess);
        Assert.Single(f.Clients.Waits);
    }

    [Fact]
    public async Task Message_limits_are_enforced()
    {
        await using var f = await WeComFixture.Start();
        var code = await NewCode(f);
        var tooLong = new WelcomeMessage(code, new TextContent(new string('欢', 1334))); // 4002 UTF-8 bytes
        Assert.Equal(40058, (await f.Client.SendWelcomeMessage(f.App, tooLong)).Error!.ErrCode);
        var tooMany = new WelcomeMessage(code, null, Enumerable.Repeat(new Attachment("image", Image: new ImageAttachment(MediaId: "m")), 10).ToList());
        Assert.Equal(40058, (await f.Client.SendWelcomeMessage(f.App, tooMany)).Error!.ErrCode);
        // The refusals did not use the code up.
        Assert.True((await f.Client.SendWelcomeMessage(f.App, Hello(code))).IsSuccess);
    }

    [Fact]
    public async Task Member_with_a_console_welcome_message_gets_no_code()
    {
        await using var f = await WeComFixture.Start();
        lock (f.State.Sync) f.Corp.Staff["guide.wang"].HasConsoleWelcome = true;
        var outcome = await f.Simulator.Crowd.AddStaff(WeComFixture.CorpId, "guide.wang");
        Assert.Null(outcome.WelcomeCode);
        Assert.DoesNotContain("WelcomeCode", outcome.EventXml);
    }
}
