namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// The errcodes the simulator answers and WeCom-like messages for them. Codes the spec does not name for a rule
/// (an out-of-range limit, a bad cursor) answer 40058, WeCom's generic "invalid parameter".
/// </summary>
internal static class SimErrors
{
    public const int InvalidParameter = 40058;
    public const int BadJson = 47001;

    private static readonly Dictionary<int, string> Messages = new()
    {
        [-1] = "system busy",
        [40001] = "invalid credential",
        [40013] = "invalid corpid",
        [40014] = "invalid access_token",
        [40050] = "chatid not found",
        [40058] = "invalid parameter",
        [40068] = "invalid tagid",
        [40071] = "tag name already exists",
        [40091] = "secret is invalid",
        [40128] = "transferred too often",
        [40129] = "customer is being transferred",
        [40004] = "invalid media file type",
        [40005] = "invalid media_type",
        [40006] = "invalid file size",
        [40007] = "invalid media_id",
        [40088] = "invalid jobid",
        [40097] = "handover user has not resigned",
        [41055] = "group welcome template count reached limit",
        [41065] = "invalid attachment type",
        [41078] = "too many moment jobs running",
        [44001] = "empty media data",
        [45001] = "media size out of limit",
        [46004] = "user not found",
        [90500] = "group owner has not resigned",
        [90502] = "group owner has resigned",
        [90504] = "group owner not changed",
        [90508] = "group already inherited",
        [40096] = "invalid external userid",
        [41001] = "access_token missing",
        [41040] = "invalid scene",
        [41042] = "invalid style",
        [41044] = "invalid config_id",
        [41045] = "contact way quota reached",
        [41050] = "invalid welcome_code",
        [41051] = "welcome msg already sent or chat started",
        [41054] = "user not activated",
        [41063] = "msg is still being dispatched",
        [41093] = "msg already cancelled",
        [41091] = "too many chat ids",
        [41094] = "remind times exceeded",
        [42001] = "access_token expired",
        [45009] = "api freq out of limit",
        [45033] = "api concurrent out of limit",
        [47001] = "data format error",
        [48002] = "api forbidden",
        [60011] = "no privilege to access/modify contact/party/agent",
        [60020] = "not allow to access from your ip",
        [60111] = "userid not found",
        [60123] = "invalid party id",
        [81017] = "too many members in visible range, owner_filter required",
        [84061] = "not external contact",
    };

    public static string Message(int code) => Messages.TryGetValue(code, out var m) ? m : "simulated error";
}
