using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// media/upload_attachment: a multipart file in the field "media", typed by media_type. WeCom checks the extension
/// and the content, so the simulator does too (by the file's magic bytes). The media_id lives 3 days.
/// </summary>
internal static class MediaApi
{
    public const long MinBytes = 5;

    // Per type: accepted extensions, magic-byte check and size cap. Attachments for moments cap images and videos at
    // 10 MB; files at 20 MB as for temporary media (not confirmed for attachments).
    private static readonly Dictionary<string, (string[] Extensions, Func<byte[], bool> Looks, long MaxBytes)> Types = new()
    {
        ["image"] = ([".jpg", ".jpeg", ".png"], IsJpegOrPng, 10L << 20),
        ["video"] = ([".mp4"], IsMp4, 10L << 20),
        ["file"] = ([], _ => true, 20L << 20),
    };

    public static void Map(IEndpointRouteBuilder routes) => routes.Upload("media/upload_attachment", "media", (corp, r, upload) =>
    {
        if (!Types.TryGetValue(r.Query("media_type") ?? "", out var kind)) return SimJson.Error(40005);
        var attachmentType = r.Query("attachment_type");
        if (attachmentType is not ("1" or "2")) return SimJson.Error(SimErrors.InvalidParameter);
        if (upload is null) return SimJson.Error(44001);
        if (upload.Length < MinBytes) return SimJson.Error(40006);
        if (upload.Length > kind.MaxBytes) return SimJson.Error(45001);
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        if ((kind.Extensions.Length > 0 && !kind.Extensions.Contains(extension)) || !kind.Looks(upload.Head)) return SimJson.Error(40004);

        var media = new SimMedia
        {
            MediaId = corp.NewId("3att"), Type = r.Query("media_type")!, FileName = upload.FileName, Size = upload.Length,
            AttachmentType = attachmentType == "1" ? 1 : 2, UploadedAt = r.Instant,
        };
        corp.Media[media.MediaId] = media;
        // WeCom sends created_at as a string of Unix seconds.
        return SimJson.Ok(new() { ["type"] = media.Type, ["media_id"] = media.MediaId, ["created_at"] = r.Now.ToString(CultureInfo.InvariantCulture) });
    });

    /// <summary>The stored media behind an id, if it is of the expected type and younger than 3 days.</summary>
    public static SimMedia? Live(SimCorp corp, string? mediaId, string type, DateTimeOffset now) =>
        mediaId is not null && corp.Media.TryGetValue(mediaId, out var m) && m.Type == type && m.IsLive(now) ? m : null;

    private static bool IsJpegOrPng(byte[] head) =>
        head is [0xFF, 0xD8, 0xFF, ..] || head is [0x89, (byte)'P', (byte)'N', (byte)'G', ..];

    // An MP4 file starts with a box whose type, at offset 4, is "ftyp".
    private static bool IsMp4(byte[] head) => head is [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..];
}
