using System.Text;

namespace Waterwheel.Acquisition.Welcome;

/// <summary>
/// WeCom's limits on a welcome's attachments (send_welcome_msg): a link's title 128 bytes, description 512 and URL
/// 2048; a mini-program's title 64 bytes, with its appid, page and cover media. Checked when a code is saved, because
/// a welcome refused at send time is gone with its 20-second code.
/// </summary>
internal static class WelcomeLimits
{
    public static string? Check(WelcomeItem item) => item.Kind switch
    {
        WelcomeItemKind.Image when string.IsNullOrWhiteSpace(item.PicUrl) && string.IsNullOrWhiteSpace(item.MediaId) => AcquisitionText.Get("ImageNeedsPicture"),
        WelcomeItemKind.Image when Bytes(item.PicUrl) > 2048 => AcquisitionText.Format("FieldTooLong", "picUrl", 2048),
        WelcomeItemKind.Link when string.IsNullOrWhiteSpace(item.Title) || !IsWebUrl(item.Url) => AcquisitionText.Get("LinkNeedsTitleAndUrl"),
        WelcomeItemKind.Link when Bytes(item.Title) > 128 => AcquisitionText.Format("FieldTooLong", "title", 128),
        WelcomeItemKind.Link when Bytes(item.Description) > 512 => AcquisitionText.Format("FieldTooLong", "description", 512),
        WelcomeItemKind.Link when Bytes(item.Url) > 2048 || Bytes(item.PicUrl) > 2048 => AcquisitionText.Format("FieldTooLong", "url", 2048),
        WelcomeItemKind.MiniProgram when new[] { item.Title, item.AppId, item.Page, item.MediaId }.Any(string.IsNullOrWhiteSpace) =>
            AcquisitionText.Get("MiniProgramNeeds"),
        WelcomeItemKind.MiniProgram when Bytes(item.Title) > 64 => AcquisitionText.Format("FieldTooLong", "title", 64),
        WelcomeItemKind.Image or WelcomeItemKind.Link or WelcomeItemKind.MiniProgram => null,
        _ => AcquisitionText.Get("UnknownAttachment"),
    };

    private static int Bytes(string? s) => s is null ? 0 : Encoding.UTF8.GetByteCount(s);

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}
