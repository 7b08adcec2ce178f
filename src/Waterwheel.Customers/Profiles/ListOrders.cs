using System.Text.Json.Nodes;
using Waterwheel.Customers.Timeline;

namespace Waterwheel.Customers.Profiles;

/// <summary>An order line of a customer, as its source reported it.</summary>
public sealed record OrderView(DateTime OccurredAt, string? OrderId, string? Channel, string? Product, decimal Amount);

/// <summary>A customer's orders, newest first: the order lines of their timeline.</summary>
internal sealed class ListOrders(CustomersDbContext db)
{
    public async Task<Result<Page<OrderView>>> Handle(Guid profileId, PageQuery query, CancellationToken ct)
    {
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, ct)) return Error.NotFound("Customer");
        var page = await db.Timeline.AsNoTracking().Where(t => t.ProfileId == profileId && t.Amount != null)
            .OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id)
            .ToPage(q => q.Select(t => new { t.OccurredAt, t.Properties, t.Amount }), query, ct);
        return new Page<OrderView>(page.Items.Select(o =>
        {
            var properties = o.Properties is null ? null : JsonNode.Parse(o.Properties) as JsonObject;
            return new OrderView(o.OccurredAt, Text(properties, "orderId") ?? Text(properties, "order_id"), Text(properties, "channel"),
                Text(properties, "product"), o.Amount!.Value);
        }).ToList(), page.Total, page.PageNumber, page.PageSize);
    }

    private static string? Text(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}/orders", async (Guid id, [AsParameters] PageQuery query, ListOrders handler, CancellationToken ct) =>
            (await handler.Handle(id, query, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerOrders")
        .WithSummary("A customer's orders, newest first (paging)");
}
