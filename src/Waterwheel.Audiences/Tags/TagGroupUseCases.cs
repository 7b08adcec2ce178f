using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Audiences.WeComSync;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Tags;

public sealed record SaveTagGroupRequest(string? Name, bool? MultiValued, bool? SyncToWeCom = null);

public sealed record TagGroupView(Guid Id, string Name, bool MultiValued, string? WeComGroupId, int Tags, int Version, bool SyncToWeCom = false);

internal sealed class SaveTagGroupValidator : AbstractValidator<SaveTagGroupRequest>
{
    public SaveTagGroupValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(TagGroup.NameLength);
        RuleFor(r => r.Name).MaximumLength(Tag.WeComNameLength).When(r => r.SyncToWeCom == true).WithMessage(_ => AudienceText.Get("WeComNameLength"));
    }
}

/// <summary>The brand's tag groups by name, with how many tags each holds.</summary>
internal sealed class ListTagGroups(AudiencesDbContext db)
{
    public async Task<IReadOnlyList<TagGroupView>> Handle(CancellationToken ct) =>
        await db.TagGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new TagGroupView(g.Id, g.Name, g.MultiValued, g.WeComGroupId, db.Tags.Count(t => t.GroupId == g.Id), g.Version, g.SyncToWeCom)).ToListAsync(ct);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tag-groups", async (ListTagGroups handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(ct)))
        .RequireAuthorization(Permissions.AudiencesRead)
        .WithName("ListTagGroups")
        .WithSummary("The brand's tag groups (single- or multi-valued) with their tag counts");
}

/// <summary>Creates a tag group (head office; audited).</summary>
internal sealed class CreateTagGroup(AudiencesDbContext db, IValidator<SaveTagGroupRequest> validator, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<TagGroupView>> Handle(SaveTagGroupRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var name = request.Name!.Trim();
        if (await db.TagGroups.AnyAsync(g => g.Name == name, ct)) return Error.Conflict("tag_group_exists", AudienceText.Get("GroupNameTaken"));
        var group = new TagGroup
        {
            TenantId = actor.TenantId!.Value, Name = name, MultiValued = request.MultiValued ?? true, SyncToWeCom = request.SyncToWeCom ?? false,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.TagGroups.Add(group);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag_group", group.Id.ToString(),
            $"tag group {group.Name} created ({(group.MultiValued ? "multi-valued" : "single-valued")})", ct);
        return new TagGroupView(group.Id, group.Name, group.MultiValued, null, 0, group.Version, group.SyncToWeCom);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tag-groups", async (SaveTagGroupRequest request, CreateTagGroup handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(g => $"/api/audiences/tag-groups/{g.Id}"))
        .RequireAuthorization(Permissions.TagsManage)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("CreateTagGroup")
        .WithSummary("Creates a tag group: name, multiValued (false: a customer holds at most one of its tags) (audited)");
}

/// <summary>Renames a tag group or changes whether it is multi-valued (If-Match; head office; audited).</summary>
internal sealed class UpdateTagGroup(AudiencesDbContext db, IValidator<SaveTagGroupRequest> validator, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<TagGroupView>> Handle(Guid id, SaveTagGroupRequest request, string? ifMatch, CancellationToken ct)
    {
        var group = await db.TagGroups.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return Error.NotFound("Tag group");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (ETags.Check(ifMatch, group.Version) is { } precondition) return precondition;
        var name = request.Name!.Trim();
        if (await db.TagGroups.AnyAsync(g => g.Name == name && g.Id != id, ct)) return Error.Conflict("tag_group_exists", AudienceText.Get("GroupNameTaken"));
        if (group.SyncToWeCom && name.Length > Tag.WeComNameLength) return Error.Invalid("name", AudienceText.Get("WeComNameLength"));
        var (before, wasSynced) = (group.Name, group.SyncToWeCom);
        // Once in WeCom a group stays synced: switching it off would leave its WeCom twin changing here unheard.
        (group.Name, group.MultiValued, group.SyncToWeCom) = (name, request.MultiValued ?? group.MultiValued, group.SyncToWeCom || request.SyncToWeCom == true);
        // WeCom holds only the name (multi-valued is ours alone): ask it for nothing when neither name nor sync changed.
        if (group.SyncToWeCom && (!wasSynced || before != name)) db.Publish(new WeComGroupWanted(group.TenantId, group.Id), time.GetUtcNow().UtcDateTime);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag_group", group.Id.ToString(), $"tag group {before} changed: {group.Name}, {(group.MultiValued ? "multi-valued" : "single-valued")}", ct);
        return new TagGroupView(group.Id, group.Name, group.MultiValued, group.WeComGroupId, await db.Tags.CountAsync(t => t.GroupId == id, ct), group.Version, group.SyncToWeCom);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/tag-groups/{id:guid}", async (Guid id, SaveTagGroupRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                UpdateTagGroup handler, CancellationToken ct) => (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, g => g.Version))
        .RequireAuthorization(Permissions.TagsManage)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("UpdateTagGroup")
        .WithSummary("Renames a tag group or changes whether it is multi-valued (If-Match: its version; audited)");
}

/// <summary>Deletes an empty tag group (If-Match; head office; audited).</summary>
internal sealed class DeleteTagGroup(AudiencesDbContext db, IAuditLog audit)
{
    public async Task<Result<TagGroupView>> Handle(Guid id, string? ifMatch, CancellationToken ct)
    {
        var group = await db.TagGroups.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return Error.NotFound("Tag group");
        if (ETags.Check(ifMatch, group.Version) is { } precondition) return precondition;
        if (await db.Tags.AnyAsync(t => t.GroupId == id, ct)) return Error.Conflict("tag_group_not_empty", AudienceText.Get("GroupHasTags"));
        db.TagGroups.Remove(group);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag_group", group.Id.ToString(), $"tag group {group.Name} deleted", ct);
        return new TagGroupView(group.Id, group.Name, group.MultiValued, group.WeComGroupId, 0, group.Version, group.SyncToWeCom);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/tag-groups/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, DeleteTagGroup handler, CancellationToken ct) =>
            (await handler.Handle(id, ifMatch, ct)).ToOk())
        .RequireAuthorization(Permissions.TagsManage)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("DeleteTagGroup")
        .WithSummary("Deletes a tag group that holds no tags (If-Match: its version; audited)");
}
