using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Audit;

/// <summary>Writes audit lines in the caller's unit of work, so a change and its record commit together.</summary>
public interface IAuditLog
{
    void Record(string action, string? targetType, string? targetId, string summary);

    /// <summary>For other modules, whose changes commit in their own database: writes the line at once.</summary>
    Task RecordNowAsync(string action, string? targetType, string? targetId, string summary, CancellationToken ct);
}

internal sealed class AuditLog(PlatformDbContext db, ActorContext actor, IHttpContextAccessor http, TimeProvider time) : IAuditLog
{
    public void Record(string action, string? targetType, string? targetId, string summary) =>
        db.AuditLog.Add(Entry(actor.TenantId, action, targetType, targetId, summary));

    public async Task RecordNowAsync(string action, string? targetType, string? targetId, string summary, CancellationToken ct)
    {
        Record(action, targetType, targetId, summary);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>For events before a principal exists, such as a sign-in attempt.</summary>
    public void RecordFor(Guid? tenantId, Guid? actorId, string actorName, string action, string summary) =>
        db.AuditLog.Add(Entry(tenantId, action, "account", actorId?.ToString(), summary, (actorId, actorName)));

    private AuditEntry Entry(Guid? tenantId, string action, string? targetType, string? targetId, string summary,
        (Guid? Id, string Name)? who = null)
    {
        var origin = actor.Origin ?? ActorOrigin.From(http.HttpContext);
        return new AuditEntry
        {
            TenantId = tenantId,
            At = time.GetUtcNow().UtcDateTime,
            Action = action,
            ActorKind = actor.ApiKeyId is not null ? "api_key" : actor.UserId is not null ? "user" : "system",
            ActorId = who is null ? actor.ApiKeyId ?? actor.UserId : who.Value.Id,
            // Free text is where a phone number slips in (a search filter, a number typed as user name): masked here, for every line.
            ActorName = Redact.Phones(who?.Name ?? actor.Name),
            TargetType = targetType,
            TargetId = targetId,
            Summary = Redact.Phones(summary.Length > 500 ? summary[..500] : summary),
            Ip = origin?.Ip,
            UserAgent = Redact.PhonesOrNull(origin?.UserAgent is { Length: > 300 } ua ? ua[..300] : origin?.UserAgent),
        };
    }
}
