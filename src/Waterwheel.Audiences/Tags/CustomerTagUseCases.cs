using Waterwheel.Audiences.Members;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Tags;

public sealed record CustomerTagRequest(Guid? TagId);

/// <summary>Whether the customer now holds the tag, and whether this request changed that.</summary>
public sealed record CustomerTagged(Guid ProfileId, Guid TagId, bool Holds, bool Changed);

/// <summary>One tag a customer holds: why (manual, rule, channel, WeCom), since when and until when.</summary>
public sealed record CustomerTagView(Guid TagId, string Name, Guid GroupId, string? Color, TagCause Cause, DateTime TaggedAt, DateTime? ExpiresAt, string? TaggedBy);

/// <summary>The tags one customer holds.</summary>
internal sealed class ListCustomerTags(AudiencesDbContext db, PersonVisibility people)
{
    public async Task<Result<IReadOnlyList<CustomerTagView>>> Handle(Guid profileId, CancellationToken ct)
    {
        if (await people.Find(db, profileId, ct) is null) return Error.NotFound("Customer");
        return await (from held in db.CustomerTags.AsNoTracking()
                      join tag in db.Tags.AsNoTracking() on held.TagId equals tag.Id
                      where held.ProfileId == profileId
                      orderby tag.Name
                      select new CustomerTagView(tag.Id, tag.Name, tag.GroupId, tag.Color, held.Cause, held.TaggedAt, held.ExpiresAt, held.TaggedBy)).ToListAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}/tags", async (Guid id, ListCustomerTags handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        // One person's tags are about the person, not an aggregate: the profile permission, as their 360 page.
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerTags")
        .WithSummary("The tags one customer holds, with cause, time and expiry");
}

/// <summary>Tags one customer by hand (cause manual): one the actor's scope holds and may reach as a person; audited.</summary>
internal sealed class TagCustomer(AudiencesDbContext db, PersonVisibility people, TagWriter writer, ActorContext actor, IAuditLog audit)
{
    public async Task<Result<CustomerTagged>> Handle(Guid profileId, CustomerTagRequest request, bool give, CancellationToken ct)
    {
        var member = await people.Find(db, profileId, ct);
        if (member is null) return Error.NotFound("Customer");
        var tag = request.TagId is { } id ? await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        if (tag is null) return Error.Invalid("tagId", AudienceText.Get("UnknownTag"));
        var changed = give ? await writer.Give(tag, [member], TagCause.Manual, actor.Name, ct) : await writer.Take(tag.Id, [member], ct, by: actor.Name);
        if (changed > 0)
            await audit.RecordNowAsync(AuditActions.CustomerTagged, "customer_profile", profileId.ToString(),
                give ? $"tag {tag.Name} given by hand" : $"tag {tag.Name} taken away by hand", ct);
        return new CustomerTagged(profileId, tag.Id, give, changed > 0);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/profiles/{id:guid}/tags", async (Guid id, CustomerTagRequest request, TagCustomer handler, CancellationToken ct) =>
                (await handler.Handle(id, request, give: true, ct)).ToOk())
            .RequireAuthorization(Permissions.AudiencesWrite)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("TagCustomer")
            .WithSummary("Gives one customer a tag by hand (in a single-valued group it replaces their other tag of the group; audited)");
        api.MapPost("/profiles/{id:guid}/tags/removal", async (Guid id, CustomerTagRequest request, TagCustomer handler, CancellationToken ct) =>
                (await handler.Handle(id, request, give: false, ct)).ToOk())
            .RequireAuthorization(Permissions.AudiencesWrite)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("UntagCustomer")
            .WithSummary("Takes a tag from one customer (audited)");
    }
}
