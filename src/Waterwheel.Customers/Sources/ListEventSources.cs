namespace Waterwheel.Customers.Sources;

internal sealed class ListEventSources(CustomersDbContext db)
{
    public async Task<IReadOnlyList<EventSourceDto>> Handle(CancellationToken ct) =>
        (await db.Sources.AsNoTracking().OrderBy(s => s.RevokedAt != null).ThenBy(s => s.Name).ToListAsync(ct)).Select(EventSourceDto.From).ToList();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sources", async (ListEventSources handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.ApiKeysManage)
        .WithName("ListEventSources")
        .WithSummary("Event sources with their key hints, active first");
}
