namespace Waterwheel.Customers.Attributes;

public sealed record AttributeDefinitionView(string Key, string Label, AttributeType Type, IReadOnlyList<string> Options, bool Required, int Version)
{
    internal static AttributeDefinitionView Of(AttributeDefinition d) => new(d.Key, d.Label, d.Type, d.Options, d.Required, d.Version);
}

/// <summary>The brand's custom attributes, in the order they were defined (the 360 page shows them so).</summary>
internal sealed class ListAttributeDefinitions(CustomersDbContext db)
{
    public async Task<IReadOnlyList<AttributeDefinitionView>> Handle(CancellationToken ct) =>
        (await db.AttributeDefinitions.AsNoTracking().OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct)).Select(AttributeDefinitionView.Of).ToList();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/attributes", async (ListAttributeDefinitions handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerAttributes")
        .WithSummary("The brand's custom customer attributes: key, zh-CN label, type, enum options, required");
}
