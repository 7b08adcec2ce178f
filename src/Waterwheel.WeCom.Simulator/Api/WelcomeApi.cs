using System.Text;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>send_welcome_msg: a code is good for 20 seconds after the add event, and only once.</summary>
internal static class WelcomeApi
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(20);

    public static void Map(IEndpointRouteBuilder routes) => routes.Post("externalcontact/send_welcome_msg", (corp, r) =>
    {
        var text = r.Object("text")?.Str("content");
        var kinds = r.Get("attachments") is { ValueKind: System.Text.Json.JsonValueKind.Array } a
            ? a.EnumerateArray().Select(e => e.TryGetProperty("msgtype", out var t) ? t.GetString() ?? "" : "").ToList()
            : [];
        var attachments = kinds.Count;
        if (kinds.Any(k => k is not ("image" or "link" or "miniprogram" or "video" or "file"))) return SimJson.Error(41065);
        if (text is null && attachments == 0) return SimJson.Error(SimErrors.InvalidParameter);
        if (text is not null && Encoding.UTF8.GetByteCount(text) > 4000) return SimJson.Error(SimErrors.InvalidParameter);
        if (attachments > 9) return SimJson.Error(SimErrors.InvalidParameter);

        if (!corp.WelcomeCodes.TryGetValue(r.Str("welcome_code") ?? "", out var code)) return SimJson.Error(41050);
        if (code.Used) return SimJson.Error(41051);
        if (r.Instant - code.IssuedAt > CodeLifetime) return SimJson.Error(41050);
        code.Used = true;
        corp.Delivered.Add(new SimDelivery(code.Userid, code.ExternalUserid, text, kinds));
        return SimJson.Ok();
    });
}
