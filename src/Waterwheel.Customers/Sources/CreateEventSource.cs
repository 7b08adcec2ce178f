using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Sources;

/// <summary>Creates a source with a fresh write key; write keys are keys, so managing them takes the API-key permission.</summary>
internal sealed class CreateEventSource(CustomersDbContext db, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<CreatedEventSource>> Handle(CreateEventSourceRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100 || !PlainText.IsPlain(name))
            return Error.Invalid("name", CustomersText.Get("SourceName"));
        var (source, key) = EventSource.Issue(actor.TenantId!.Value, name, actor.Name, time.GetUtcNow().UtcDateTime);
        db.Sources.Add(source);
        if (await db.SaveOrStale(ct) is { } error) return error;
        await audit.RecordNowAsync(AuditActions.WriteKeyCreated, "event_source", source.Id.ToString(), name, ct);
        return new CreatedEventSource(EventSourceDto.From(source), key);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sources", async (CreateEventSourceRequest request, CreateEventSource handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(s => $"/api/customers/sources/{s.Source.Id}"))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.ApiKeysManage)
        .WithName("CreateEventSource")
        .WithSummary("Create an event source; its write key is shown once");
}
