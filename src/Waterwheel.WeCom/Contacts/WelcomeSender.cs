using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Contacts;

/// <summary>
/// Sends the welcome message for a new relation at most once. The welcome code lives 20 s and works once, so a
/// retry after a crash either succeeds or WeCom answers "already delivered" (41051), which also counts as sent.
/// The words come from another module's <see cref="IAddWelcomes"/> when the add carries a state it knows (a live
/// code's own welcome), else from the connection's welcome text.
/// </summary>
internal sealed class WelcomeSender(WeComDbContext db, IWeComClient client, IEnumerable<IAddWelcomes> sources, TimeProvider time, ILogger<WelcomeSender> log)
{
    internal const int AlreadyDelivered = 41051;

    /// <summary>The code's 20 seconds are over: retrying cannot help, the moment is gone.</summary>
    internal const int CodeExpired = 41050;

    public async Task SendOnce(TenantCorp corp, FollowRelation relation, string? welcomeCode, CancellationToken ct)
    {
        if (relation.WelcomeSentAt is not null || string.IsNullOrEmpty(welcomeCode)) return;
        if (await Message(corp, relation, welcomeCode, ct) is not { } message) return;
        var sent = await client.SendWelcomeMessage(corp.App, message, ct);
        if (!sent.IsSuccess && sent.Error!.ErrCode == CodeExpired)
        {
            log.LogWarning("Welcome code for {ExternalUserId} expired before it could be used", relation.ExternalUserId);
            return;
        }
        if (!sent.IsSuccess && sent.Error!.ErrCode != AlreadyDelivered) throw new WeComCallFailed(sent.Error);
        relation.WelcomeSentAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<WelcomeMessage?> Message(TenantCorp corp, FollowRelation relation, string welcomeCode, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(relation.State) && await Chosen(corp, relation, ct) is { } content)
            return new WelcomeMessage(welcomeCode, string.IsNullOrEmpty(content.Text) ? null : new TextContent(content.Text),
                content.Attachments is { Count: > 0 } attachments ? attachments.Select(Facade.SendWelcome.ToAttachment).ToList() : null);
        return string.IsNullOrWhiteSpace(corp.WelcomeText) ? null : new WelcomeMessage(welcomeCode, new TextContent(corp.WelcomeText));
    }

    private async Task<WelcomeContent?> Chosen(TenantCorp corp, FollowRelation relation, CancellationToken ct)
    {
        var name = await db.Contacts.AsNoTracking().Where(c => c.ExternalUserId == relation.ExternalUserId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var request = new AddWelcomeRequest(corp.TenantId, relation.State!, relation.StaffUserId, relation.ExternalUserId, name);
        foreach (var source in sources)
        {
            WelcomeContent? content;
            try
            {
                content = await source.WelcomeFor(request, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The code lives 20 s: a source that fails must not cost the customer their welcome, so the fallback goes.
                log.LogError(e, "Welcome source {Source} failed for state {State}; sending the connection's welcome", source.GetType().Name, relation.State);
                return null;
            }
            if (content is not null && (!string.IsNullOrEmpty(content.Text) || content.Attachments is { Count: > 0 })) return content;
        }
        return null;
    }
}
