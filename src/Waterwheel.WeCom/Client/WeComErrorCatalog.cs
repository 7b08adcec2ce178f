namespace Waterwheel.WeCom.Client;

/// <summary>
/// Classifies errcodes (spec §5) and explains the ones an operator can fix. The hints name the console setting,
/// because "errcode 60020" alone sends people searching.
/// </summary>
internal static class WeComErrorCatalog
{
    private static readonly HashSet<int> Retryable = [-1, 45009, 45033, 41063, 41079, 41096];
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

    public static WeComError Transport(string api, string detail) =>
        new(WeComErrorKind.Transport, null, detail, $"WeCom could not be reached or answered garbage: {detail}", api);
}
