using System.Net.Http.Headers;

namespace Waterwheel.WeCom.Client;

/// <summary>
/// A file for media/upload_attachment. MediaType is "image" (jpg/png), "video" (mp4) or "file"; AttachmentType 1 is
/// 朋友圈 (moments), 2 商品图册. WeCom judges the type by the file name's extension and the bytes, so give a real name.
/// The bytes are held in memory so a retried call can send them again.
/// </summary>
public sealed record AttachmentUpload(string MediaType, string FileName, ReadOnlyMemory<byte> Content, int AttachmentType = 1);

public sealed class UploadAttachmentResponse : WeComResponse
{
    public string Type { get; init; } = "";
    /// <summary>Valid for 3 days; upload again after that (40007 where it is used).</summary>
    public string MediaId { get; init; } = "";
    /// <summary>Unix seconds; WeCom sends it as a string.</summary>
    public long CreatedAt { get; init; }
}

public partial interface IWeComClient
{
    /// <summary>media/upload_attachment: multipart upload of an attachment for moments (or product albums).</summary>
    Task<WeComResult<UploadAttachmentResponse>> UploadAttachment(WeComApp app, AttachmentUpload upload, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<UploadAttachmentResponse>> UploadAttachment(WeComApp app, AttachmentUpload upload, CancellationToken ct = default) =>
        _transport.Upload<UploadAttachmentResponse>(app, "media/upload_attachment", () => Multipart(upload), ct,
            ("media_type", upload.MediaType), ("attachment_type", upload.AttachmentType.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static MultipartFormDataContent Multipart(AttachmentUpload upload)
    {
        var boundary = "waterwheel" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var form = new MultipartFormDataContent(boundary);
        // WeChat's upload servers reject a quoted boundary, which .NET writes by default.
        form.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        var file = new ReadOnlyMemoryContent(upload.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // name, filename and filelength as WeCom documents them; no filename*, which WeCom does not read.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"media\"", FileName = $"\"{AsciiName(upload.FileName)}\"" };
        file.Headers.ContentDisposition.Parameters.Add(new NameValueHeaderValue("filelength", upload.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        form.Add(file);
        return form;
    }

    // A header carries ASCII only; the extension, which decides the type, survives the substitution.
    private static string AsciiName(string name) =>
        string.Concat(name.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_'));
}
