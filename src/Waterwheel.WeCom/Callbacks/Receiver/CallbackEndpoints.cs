using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Callbacks.Receiver;

/// <summary>
/// WeCom's callback URL for one tenant. A POST is verified, decrypted and stored in the inbox before the answer,
/// which therefore is quick (WeCom retries after 5 s) and loses nothing if the process dies right after. Anything
/// that fails a check gets a 4xx and changes nothing.
/// </summary>
internal static class CallbackEndpoints
{
    public const string InboxSource = "wecom.callback";
    public const int MaxBody = 64 * 1024;

    /// <summary>A replayed capture older than this is refused; WeCom's own retries come within seconds.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    // Beyond this DateTimeOffset cannot hold the time, and would throw rather than let the age check refuse it.
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/wecom/callback").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/{tenant:guid}", VerifyUrl);
        group.MapPost("/{tenant:guid}", Receive).DisableAntiforgery();
    }

    private static async Task<IResult> VerifyUrl(Guid tenant, string? msg_signature, string? timestamp, string? nonce, string? echostr,
        TenantCorps corps, ILoggerFactory logs, CancellationToken ct)
    {
        if (await corps.Find(tenant, ct) is not { } corp) return Refuse(logs, tenant, "no WeCom connection is configured");
        var plain = corp.Crypto.VerifyUrl(msg_signature, timestamp, nonce, echostr);
        return plain.IsSuccess ? TypedResults.Text(plain.Value!, "text/plain") : Refuse(logs, tenant, $"URL check failed ({plain.Error})");
    }

    private static async Task<IResult> Receive(Guid tenant, string? msg_signature, string? timestamp, string? nonce,
        HttpRequest request, TenantCorps corps, IInbox inbox, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (await corps.Find(tenant, ct) is not { } corp) return Refuse(logs, tenant, "no WeCom connection is configured");
        if (request.ContentLength > MaxBody) return TooLarge(logs, tenant);
        if (!long.TryParse(timestamp, out var sent) || sent < 0 || sent > MaxUnixSeconds) return Refuse(logs, tenant, "timestamp missing or not a time");
        if ((time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(sent)).Duration() > MaxAge) return Refuse(logs, tenant, "timestamp too old: a replay");

        // A chunked body carries no Content-Length: its size is checked while it is read.
        if (await BoundedBody.Read(request.Body, MaxBody, ct) is not { } body) return TooLarge(logs, tenant);
        var decrypted = corp.Crypto.DecryptMessage(msg_signature, timestamp, nonce, body);
        if (!decrypted.IsSuccess) return Refuse(logs, tenant, $"decryption failed ({decrypted.Error})");
        var parsed = WeComEventParser.Parse(decrypted.Value);
        if (!parsed.IsSuccess) return Refuse(logs, tenant, $"event XML is malformed ({parsed.Error})");

        await inbox.AcceptAsync(InboxSource, InboxKeys.DedupeKey(tenant, parsed.Value!), tenant, decrypted.Value!, ct, InboxKeys.Partition(parsed.Value!));
        // An empty 200 tells WeCom the event is taken and needs no reply; a duplicate is answered the same way.
        return TypedResults.Ok();
    }

    private static IResult Refuse(ILoggerFactory logs, Guid tenant, string reason) =>
        Problem(logs, tenant, reason, StatusCodes.Status400BadRequest, "callback_refused");

    private static IResult TooLarge(ILoggerFactory logs, Guid tenant) =>
        Problem(logs, tenant, $"body larger than {MaxBody} bytes", StatusCodes.Status413PayloadTooLarge, "callback_too_large");

    private static IResult Problem(ILoggerFactory logs, Guid tenant, string reason, int status, string code)
    {
        logs.CreateLogger(typeof(CallbackEndpoints)).LogWarning("Refused a WeCom callback for tenant {TenantId}: {Reason}", tenant, reason);
        return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status, Title = "The callback was refused.", Extensions = { ["code"] = code },
        });
    }
}
