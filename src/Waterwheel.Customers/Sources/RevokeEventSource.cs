using Waterwheel.Platform.Audit;

namespace Waterwheel.Customers.Sources;

/// <summary>Revokes a source's write key: at once on this node, within 30 seconds on the others (see <see cref="WriteKeyCheck"/>).</summary>
internal sealed class RevokeEventSource(CustomersDbContext db, IAuditLog audit, WriteKeyCheck keys, TimeProvider time)
{
    public async Task<Result<EventSourceDto>> Handle(Guid id, CancellationToken ct)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return Error.NotFound("Event source");
        if (source.RevokedAt is null)
        {
            source.RevokedAt = time.GetUtcNow().UtcDateTime;
            if (await db.SaveOrStale(ct) is { } error) return error;
            await audit.RecordNowAsync(AuditActions.WriteKeyRevoked, "event_source", id.ToString(), source.Name, ct);
        }
        keys.Forget(id);
        return EventSourceDto.From(source);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/sources/{id:guid}", async (Guid id, RevokeEventSource handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ApiKeysManage)
        .WithName("RevokeEventSource")
        .WithSummary("Revoke an event source's write key");
}
