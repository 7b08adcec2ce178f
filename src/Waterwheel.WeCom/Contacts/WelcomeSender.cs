using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// Sends the welcome message for a new relation at most once. The welcome code lives 20 s and works once, so a
/// retry after a crash either succeeds or WeCom answers "already delivered" (41051), which also counts as sent.
/// </summary>
internal sealed class WelcomeSender(WeComDbContext db, IWeComClient client, TimeProvider time, ILogger<WelcomeSender> log)
{
    internal const int AlreadyDelivered = 41051;

    /// <summary>The code's 20 seconds are over: retrying cannot help, the moment is gone.</summary>
    internal const int CodeExpired = 41050;

    public async Task SendOnce(TenantCorp corp, FollowRelation relation, string? welcomeCode, CancellationToken ct)
    {
        if (relation.WelcomeSentAt is not null || string.IsNullOrEmpty(welcomeCode) || string.IsNullOrWhiteSpace(corp.WelcomeText)) return;
        var sent = await client.SendWelcomeMessage(corp.App, new WelcomeMessage(welcomeCode, new TextContent(corp.WelcomeText)), ct);
        if (!sent.IsSuccess && sent.Error!.ErrCode == CodeExpired)
        {
            log.LogWarning("Welcome code for {ExternalUserId} expired before it could be used", relation.ExternalUserId);
            return;
        }
        if (!sent.IsSuccess && sent.Error!.ErrCode != AlreadyDelivered) throw new WeComCallFailed(sent.Error);
        relation.WelcomeSentAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
