using Waterwheel.Audiences.Members;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Counting;

/// <summary>A field the segment builder offers: name, zh-CN label, kind (Enum, Number, Date, Bool), decimals, and whether the brand defined it.</summary>
public sealed record SegmentFieldView(string Name, string Label, string Kind, int Scale, bool Custom);

/// <summary>The fields the tenant's segments can name, built-in first, for the builder's field picker.</summary>
internal sealed class ListSegmentFields(ICustomerFacts facts)
{
    public async Task<IReadOnlyList<SegmentFieldView>> Handle(CancellationToken ct) =>
        (await TenantCatalog.Load(facts, ct)).Fields.Select(f => new SegmentFieldView(f.Name, f.Label, f.Kind.ToString(), f.Scale, f.Custom)).ToList();

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/fields", async (ListSegmentFields handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.AudiencesRead)
        .WithName("ListSegmentFields")
        .WithSummary("The fields segments can name: built-in profile fields and the brand's custom attributes");
}
