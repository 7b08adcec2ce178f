using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class MomentEndpointTests
{
    private static async Task<string> Upload(WeComFixture f, string type = "image") =>
        (await f.Client.UploadAttachment(f.App, type == "video"
            ? new AttachmentUpload("video", "clip.mp4", MediaEndpointTests.Mp4())
            : new AttachmentUpload("image", "photo.png", MediaEndpointTests.Png()))).Value!.MediaId;

    private static MomentTaskRequest Text(string text = "新品上市，到店试吃") => new(new TextContent(text));

    [Fact]
    public async Task A_job_is_running_at_first_and_done_later_on_the_simulators_clock()
    {
        await using var f = await WeComFixture.Start();
        var images = new[] { await Upload(f), await Upload(f) };
        var tag = f.Channel.Tags[0].Id;
        var request = new MomentTaskRequest(new TextContent("春季新品"), images.Select(MomentAttachment.ImageOf).ToList(),
            new MomentVisibleRange(new MomentSenderList(["guide.li", "nobody"], [3, 99]), new MomentCustomerList([tag, "etnope"])));
        var jobid = (await f.Client.AddMomentTask(f.App, request)).Value!.Jobid;

        var first = (await f.Client.GetMomentTaskResult(f.App, jobid)).Value!;
        Assert.Equal((1, "add_moment_task", false), (first.Status, first.Type, first.IsDone));
        Assert.Null(first.Result);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, (await f.Client.GetMomentTaskResult(f.App, jobid)).Value!.Status);

        f.Time.Advance(TimeSpan.FromSeconds(5));
        var done = (await f.Client.GetMomentTaskResult(f.App, jobid)).Value!;
        Assert.True(done.IsDone);
        Assert.Equal(0, done.Result!.Errcode);
        Assert.Equal(f.Corp.MomentJobs[jobid].MomentId, done.Result.MomentId);
        Assert.Equal(["nobody"], done.Result.InvalidSenderList.UserList);
        Assert.Equal([99L], done.Result.InvalidSenderList.DepartmentList);
        Assert.Equal(["etnope"], done.Result.InvalidExternalContactList.TagList);
        Assert.Equal(40088, (await f.Client.GetMomentTaskResult(f.App, "jobnope")).Error!.ErrCode);
    }

    [Fact]
    public async Task Attachments_are_images_or_one_video_or_one_link_never_mixed()
    {
        await using var f = await WeComFixture.Start();
        var (image, video) = (await Upload(f), await Upload(f, "video"));
        var link = MomentAttachment.LinkTo(new MomentLink("https://example.com/spring", "Spring menu", image));
        async Task<int?> Add(params MomentAttachment[] attachments) =>
            (await f.Client.AddMomentTask(f.App, Text() with { Attachments = attachments })).Error?.ErrCode;

        Assert.Equal(41065, await Add(MomentAttachment.ImageOf(image), MomentAttachment.VideoOf(video)));
        Assert.Equal(41065, await Add(link, MomentAttachment.ImageOf(image)));
        Assert.Equal(41065, await Add(MomentAttachment.VideoOf(video), MomentAttachment.VideoOf(video)));
        Assert.Equal(41065, await Add(Enumerable.Repeat(MomentAttachment.ImageOf(image), 10).ToArray()));
        Assert.Equal(41065, await Add(new MomentAttachment("file", Image: new(image))));
        Assert.Equal(40058, await Add(MomentAttachment.LinkTo(new MomentLink(""))));
        Assert.Empty(f.Corp.MomentJobs);

        Assert.Null(await Add(Enumerable.Repeat(MomentAttachment.ImageOf(image), 9).ToArray()));
        Assert.Null(await Add(MomentAttachment.VideoOf(video)));
        Assert.Null(await Add(link));
        Assert.Equal(3, f.Corp.MomentJobs.Count);
    }

    [Fact]
    public async Task Media_must_be_uploaded_of_the_right_type_and_younger_than_three_days()
    {
        await using var f = await WeComFixture.Start();
        var (image, video) = (await Upload(f), await Upload(f, "video"));
        async Task<WeComError?> Add(MomentAttachment attachment) =>
            (await f.Client.AddMomentTask(f.App, new MomentTaskRequest(Attachments: [attachment]))).Error;

        var unknown = (await Add(MomentAttachment.ImageOf("3attnope")))!;
        Assert.Equal((40007, WeComErrorKind.Data), (unknown.ErrCode, unknown.Kind));
        Assert.Contains("3 days", unknown.Message);
        Assert.Equal(40007, (await Add(MomentAttachment.ImageOf(video)))!.ErrCode);
        Assert.Equal(40007, (await Add(MomentAttachment.LinkTo(new MomentLink("https://example.com", MediaId: video))))!.ErrCode);

        f.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        Assert.Null(await Add(MomentAttachment.ImageOf(image)));
        f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(40007, (await Add(MomentAttachment.ImageOf(image)))!.ErrCode);
        Assert.Single(f.Corp.MomentJobs);
    }

    [Fact]
    public async Task Text_is_required_without_attachments_and_at_most_2000_characters()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(40058, (await f.Client.AddMomentTask(f.App, new MomentTaskRequest())).Error!.ErrCode);
        Assert.Equal(40058, (await f.Client.AddMomentTask(f.App, Text(new string('春', 2001)))).Error!.ErrCode);
        Assert.True((await f.Client.AddMomentTask(f.App, Text(new string('春', 2000)))).IsSuccess);
    }

    [Fact]
    public async Task Too_many_running_jobs_is_41078_until_one_finishes()
    {
        await using var f = await WeComFixture.Start();
        lock (f.State.Sync) f.Corp.MomentJobsRunningLimit = 2;
        Assert.True((await f.Client.AddMomentTask(f.App, Text())).IsSuccess);
        Assert.True((await f.Client.AddMomentTask(f.App, Text())).IsSuccess);

        var busy = (await f.Client.AddMomentTask(f.App, Text())).Error!;
        Assert.Equal((41078, WeComErrorKind.Retryable), (busy.ErrCode, busy.Kind));
        Assert.Equal(2, f.Clients.Waits.Count);
        Assert.Equal(2, f.Corp.MomentJobs.Count);

        f.Time.Advance(f.Corp.MomentJobDuration);
        Assert.True((await f.Client.AddMomentTask(f.App, Text())).IsSuccess);
    }
}
