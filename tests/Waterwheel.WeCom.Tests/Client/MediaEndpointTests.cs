using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class MediaEndpointTests
{
    private const string Api = "media/upload_attachment";

    /// <summary>Bytes that start like a real file of the kind, padded to the size asked for.</summary>
    internal static byte[] Png(int size = 64) => Padded([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], size);

    internal static byte[] Jpeg(int size = 64) => Padded([0xFF, 0xD8, 0xFF, 0xE0], size);

    internal static byte[] Mp4(int size = 64) => Padded([0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'], size);

    private static byte[] Padded(byte[] head, int size)
    {
        var bytes = new byte[size];
        head.AsSpan(0, Math.Min(head.Length, size)).CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task An_image_upload_answers_a_media_id_and_is_stored_with_its_type_and_size()
    {
        await using var f = await WeComFixture.Start();
        var uploaded = (await f.Client.UploadAttachment(f.App, new AttachmentUpload("image", "poster.png", Png(2048)))).Value!;
        Assert.Equal(("image", f.Time.GetUtcNow().ToUnixTimeSeconds()), (uploaded.Type, uploaded.CreatedAt));

        var media = f.Corp.Media[uploaded.MediaId];
        Assert.Equal(("image", "poster.png", 2048L, 1), (media.Type, media.FileName, media.Size, media.AttachmentType));
        var video = (await f.Client.UploadAttachment(f.App, new AttachmentUpload("video", "tour.MP4", Mp4()))).Value!;
        Assert.Equal("video", video.Type);
        var file = (await f.Client.UploadAttachment(f.App, new AttachmentUpload("file", "price-list.pdf", new byte[] { 1, 2, 3, 4, 5 }, AttachmentType: 2))).Value!;
        Assert.Equal(2, f.Corp.Media[file.MediaId].AttachmentType);
    }

    [Fact]
    public async Task A_non_ascii_file_name_keeps_its_extension()
    {
        await using var f = await WeComFixture.Start();
        var uploaded = (await f.Client.UploadAttachment(f.App, new AttachmentUpload("image", "海报.jpg", Jpeg()))).Value!;
        Assert.EndsWith(".jpg", f.Corp.Media[uploaded.MediaId].FileName);
    }

    [Theory]
    [InlineData("voice", "a.png", 40005)]   // not an attachment media_type
    [InlineData("image", "a.gif", 40004)]   // extension of another format
    [InlineData("image", "a.png", 40004, true)] // right name, wrong bytes
    [InlineData("video", "a.mov", 40004)]
    public async Task The_type_is_checked_by_name_and_content(string mediaType, string name, int errcode, bool wrongBytes = false)
    {
        await using var f = await WeComFixture.Start();
        var bytes = wrongBytes ? Mp4() : mediaType == "video" ? Mp4() : Png();
        var error = (await f.Client.UploadAttachment(f.App, new AttachmentUpload(mediaType, name, bytes))).Error!;
        Assert.Equal((errcode, WeComErrorKind.Data), (error.ErrCode, error.Kind));
        Assert.Empty(f.Corp.Media);
    }

    [Fact]
    public async Task Sizes_and_attachment_type_are_checked()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(40006, (await f.Client.UploadAttachment(f.App, new AttachmentUpload("file", "a.txt", new byte[] { 1, 2, 3, 4 }))).Error!.ErrCode);
        Assert.Equal(45001, (await f.Client.UploadAttachment(f.App, new AttachmentUpload("image", "big.png", Png((10 << 20) + 1)))).Error!.ErrCode);
        Assert.True((await f.Client.UploadAttachment(f.App, new AttachmentUpload("image", "edge.png", Png(10 << 20)))).IsSuccess);
        Assert.Equal(40058, (await f.Client.UploadAttachment(f.App, new AttachmentUpload("image", "a.png", Png(), AttachmentType: 3))).Error!.ErrCode);
        Assert.Single(f.Corp.Media);
    }

    [Fact]
    public async Task A_retried_or_re_authenticated_upload_sends_the_same_bytes_and_stores_once()
    {
        await using var f = await WeComFixture.Start();
        f.State.Faults.Inject(Api, -1);
        Assert.True((await f.Client.UploadAttachment(f.App, new AttachmentUpload("image", "a.png", Png(300)))).IsSuccess);
        Assert.Equal((2, 1), (f.State.Faults.Calls(Api), f.Clients.Waits.Count));

        f.State.Tokens.RevokeAll();
        var again = (await f.Client.UploadAttachment(f.App, new AttachmentUpload("image", "b.png", Png(400)))).Value!;
        Assert.Equal(400, f.Corp.Media[again.MediaId].Size);
        Assert.Equal(2, f.Corp.Media.Count);
    }
}
