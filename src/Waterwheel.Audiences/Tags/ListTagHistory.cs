using Waterwheel.Audiences.Members;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Tags;

/// <summary>One line of a customer's tag history: which tag, given or taken, why, by whom, when.</summary>
public sealed record TagHistoryItem(Guid Id, DateTime At, Guid TagId, string TagName, bool Given, TagChangeCause Cause, string? By);

/// <summary>A customer's tag changes, newest first, for their timeline; reached only through a customer the actor may see as a person.</summary>
internal sealed class ListTagHistory(AudiencesDbContext db, PersonVisibility people)
{
    public async Task<Result<Page<TagHistoryItem>>> Handle(Guid profileId, PageQuery query, CancellationToken ct)
    {
        if (await people.Find(db, profileId, ct) is null) return Error.NotFound("Customer");
        return await db.TagHistory.AsNoTracking().Where(h => h.ProfileId == profileId).OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .ToPage(q => q.Select(h => new TagHistoryItem(h.Id, h.At, h.TagId, h.TagName, h.Given, h.Cause, h.By)), query, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}/tag-history", async (Guid id, [AsParameters] PageQuery query, ListTagHistory handler, CancellationToken ct) =>
            (await handler.Handle(id, query, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerTagHistory")
        .WithSummary("A customer's tag changes, newest first: tag, given or taken, cause (Manual, Rule, Channel, WeCom, Expiry, Deletion), by whom");
}
