namespace Waterwheel.WeCom.Client;

/// <summary>
/// Classifies errcodes (spec §5) and explains the ones an operator can fix. The hints name the console setting,
/// because "errcode 60020" alone sends people searching.
/// </summary>
internal static class WeComErrorCatalog
{
    // 41078 (too many moment jobs running) is not in spec §5's table, but like the busy codes it clears with time
    // and a refused call had no effect.
    private static readonly HashSet<int> Retryable = [-1, 45009, 45033, 41063, 41078, 41079, 41096];
    private static readonly HashSet<int> Token = [40014, 42001, 41001];

    private static readonly Dictionary<int, (WeComErrorKind Kind, string Hint)> Known = new()
    {
        [40001] = (WeComErrorKind.Credentials, "The secret does not match the corp id, or the app is disabled. Check the app's Secret under 应用管理 → the app, and that the app is enabled."),
        [40013] = (WeComErrorKind.Credentials, "The corp id is invalid. Copy 企业ID from 我的企业 → 企业信息."),
        [40091] = (WeComErrorKind.Credentials, "The secret is invalid. Copy or regenerate the Secret under 应用管理 → the app."),
        [48002] = (WeComErrorKind.Permission, "The app may not call this API. Add it under 客户联系 → API → 可调用接口的应用, and check the app's API permissions."),
        [60011] = (WeComErrorKind.Permission, "The member or department is outside the app's visible range. Widen 可见范围 of the app under 应用管理."),
        [60020] = (WeComErrorKind.Permission, "WeCom does not trust the calling IP. Add this server's public IP to 企业可信IP of the app under 应用管理 → the app → 开发者接口."),
        [301002] = (WeComErrorKind.Permission, "The app has no permission over this member or data. Check the app's visible range and the member's 客户联系 permission."),
        [84061] = (WeComErrorKind.Data, "The member and the customer are not (or no longer) contacts of each other. Re-sync the relation before acting on it."),
        [40096] = (WeComErrorKind.Data, "The external_userid is invalid for this corp or app."),
        [40068] = (WeComErrorKind.Data, "A tag id is invalid."),
        [40071] = (WeComErrorKind.Data, "A tag or tag group with this name already exists."),
        [40099] = (WeComErrorKind.Data, "The member or corp reached its customer limit."),
        [41044] = (WeComErrorKind.Data, "The contact way config_id is invalid."),
        [41045] = (WeComErrorKind.Data, "The corp reached its quota of contact ways created through the API."),
        [41050] = (WeComErrorKind.Data, "The welcome_code is invalid or expired (it lives 20 seconds)."),
        [41051] = (WeComErrorKind.Data, "The welcome message was already delivered or the chat already started; do not retry."),
        [41091] = (WeComErrorKind.Data, "A group join code can name at most 5 chats."),
        [41093] = (WeComErrorKind.Data, "The mass message was already cancelled."),
        [41094] = (WeComErrorKind.Data, "A mass message can be reminded at most 3 times in 24 hours."),
        [40097] = (WeComErrorKind.Data, "The handover member has not left the corp (or left over a year ago). Use on-job transfer for members still employed."),
        [46004] = (WeComErrorKind.Data, "The new owner is not an active member of the corp. Pick a member who is still employed."),
        [40004] = (WeComErrorKind.Data, "The file does not match its media_type: images must be JPG or PNG, videos MP4."),
        [40005] = (WeComErrorKind.Data, "media_type must be image, video or file."),
        [40006] = (WeComErrorKind.Data, "The file is empty or too small to be a real image, video or file."),
        [44001] = (WeComErrorKind.Data, "The upload carried no file in the multipart field \"media\"."),
        [45001] = (WeComErrorKind.Data, "The file is larger than WeCom accepts (images and videos 10 MB, files 20 MB). Compress it and upload again."),
        [40007] = (WeComErrorKind.Data, "A media_id is unknown, of the wrong type, or older than 3 days. Upload the file again and use the new media_id."),
        [41055] = (WeComErrorKind.Data, "The corp already has 100 group welcome templates. Delete unused ones under 客户联系 → 入群欢迎语 first."),
        [41064] = (WeComErrorKind.Data, "An attachment is larger than WeCom allows."),
        [41065] = (WeComErrorKind.Data, "The attachments break WeCom's rule: up to 9 images, or 1 video, or 1 link, never mixed."),
        [41078] = (WeComErrorKind.Retryable, "Too many moment tasks are still being created for this corp. Wait until earlier ones finish, then try again."),
        [40088] = (WeComErrorKind.Data, "The jobid is unknown to WeCom."),
        [81013] = (WeComErrorKind.Data, "The user, department or tag list is invalid."),
        [81017] = (WeComErrorKind.Data, "Too many members in the app's visible range to list groups without an owner filter; pass owner_filter."),
    };

    public static WeComErrorKind Classify(int errcode) =>
        Retryable.Contains(errcode) ? WeComErrorKind.Retryable
        : Token.Contains(errcode) ? WeComErrorKind.Token
        : Known.TryGetValue(errcode, out var known) ? known.Kind
        : WeComErrorKind.Data;

    public static WeComError From(int errcode, string? errmsg, string api)
    {
        var kind = Classify(errcode);
        var hint = Known.TryGetValue(errcode, out var known) ? known.Hint
            : kind == WeComErrorKind.Retryable ? "WeCom is busy or throttling this API; retries were exhausted. Try again later."
            : kind == WeComErrorKind.Token ? "The access token was rejected even after a refresh."
            : $"WeCom refused the call: {errmsg}";
        return new WeComError(kind, errcode, errmsg ?? "", $"{hint} (errcode {errcode})", api);
    }

    /// <summary>Our own rate limit held the call back: WeCom was not called, so nothing happened there.</summary>
    public static WeComError Throttled(string api) =>
        new(WeComErrorKind.Retryable, null, "local rate limit",
            $"Too many calls to {api} are waiting for this corp's per-minute budget (kept below WeCom's limit); try again shortly.", api);

    public static WeComError Transport(string api, string detail) =>
        new(WeComErrorKind.Transport, null, detail, $"WeCom could not be reached or answered garbage: {detail}", api);
}
