using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Audiences.Counting;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.WeComSync;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Tags;

public sealed record TagListQuery : PageQuery
{
    public Guid? GroupId { get; set; }
}

/// <summary>The brand's tags, searchable by name, filterable by group, sorted by name (default) or creation, with their holders counted.</summary>
internal sealed class ListTags(AudiencesDbContext db, ActorAudience audience, RuleInput rules)
{
    public async Task<Page<TagView>> Handle(TagListQuery query, CancellationToken ct)
    {
        var tags = db.Tags.AsNoTracking();
        if (query.GroupId is { } group) tags = tags.Where(t => t.GroupId == group);
        if (query.Search is { } q) tags = tags.Where(t => t.Name.Contains(q));
        tags = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("created" or "createdat", false) => tags.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            ("created" or "createdat", true) => tags.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
            (_, true) => tags.OrderByDescending(t => t.Name),
            _ => tags.OrderBy(t => t.Name),
        };
        var page = await tags.ToPage(x => x, query, ct);
        var items = new List<TagView>(page.Items.Count);
        foreach (var tag in page.Items) items.Add(TagView.Of(tag, await audience.Count(new HasTag(tag.Id), ct), await rules.Text(tag, ct)));
        return new Page<TagView>(items, page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tags", async ([AsParameters] TagListQuery query, ListTags handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.AudiencesRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("ListTags")
        .WithSummary("The brand's tags (q: name contains; groupId; sort name|created) with how many of the caller's customers hold each");
}

/// <summary>One tag with its holders counted; its version as ETag.</summary>
internal sealed class GetTag(AudiencesDbContext db, ActorAudience audience, RuleInput rules)
{
    public async Task<Result<TagView>> Handle(Guid id, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return tag is null ? Error.NotFound("Tag") : TagView.Of(tag, await audience.Count(new HasTag(tag.Id), ct), await rules.Text(tag, ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tags/{id:guid}", async (Guid id, HttpResponse response, GetTag handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, t => t.Version))
        .RequireAuthorization(Permissions.AudiencesRead)
        .WithName("GetTag")
        .WithSummary("One tag, with how many of the caller's customers hold it");
}

/// <summary>Creates a tag in a group (head office; audited).</summary>
internal sealed class CreateTag(AudiencesDbContext db, IValidator<SaveTagRequest> validator, RuleInput rules, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<TagView>> Handle(SaveTagRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var group = await db.TagGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == request.GroupId, ct);
        if (group is null) return Error.Invalid("groupId", AudienceText.Get("UnknownGroup"));
        var name = request.Name!.Trim();
        if (group.SyncToWeCom && name.Length > Tag.WeComNameLength) return Error.Invalid("name", AudienceText.Get("WeComNameLength"));
        if (await db.Tags.AnyAsync(t => t.Name == name, ct)) return Error.Conflict("tag_exists", AudienceText.Get("TagNameTaken"));
        var rule = await rules.Read(request.Rule, ct);
        if (!rule.IsSuccess) return rule.Error!;
        var tag = new Tag
        {
            TenantId = actor.TenantId!.Value, GroupId = request.GroupId!.Value, Name = name, Color = request.Color,
            Source = rule.Value is null ? request.Source ?? TagSource.Manual : TagSource.Rule, Rule = rule.Value?.Json,
            ExpiryDays = request.ExpiryDays, WeComTagId = request.WeComTagId, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Tags.Add(tag);
        if (group.SyncToWeCom) db.Publish(new WeComGroupWanted(tag.TenantId, group.Id), tag.CreatedAt);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag", tag.Id.ToString(), $"tag {tag.Name} created ({tag.Source})", ct);
        return TagView.Of(tag, 0, rule.Value?.Text);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tags", async (SaveTagRequest request, CreateTag handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(t => $"/api/audiences/tags/{t.Id}"))
        .RequireAuthorization(Permissions.TagsManage)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("CreateTag")
        .WithSummary("Creates a tag: groupId, name (unique), color #RRGGBB, source (Manual, Rule, Channel, WeCom), expiryDays, weComTagId, rule ({expression} or {text}: whoever matches holds it) (audited)");
}

/// <summary>Changes a tag's name, group, colour, source or expiry (If-Match; head office; audited). Segments keep it: JSON names tags by id.</summary>
internal sealed class UpdateTag(AudiencesDbContext db, IValidator<SaveTagRequest> validator, RuleInput rules, ActorAudience audience, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<TagView>> Handle(Guid id, SaveTagRequest request, string? ifMatch, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null) return Error.NotFound("Tag");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (ETags.Check(ifMatch, tag.Version) is { } precondition) return precondition;
        var group = await db.TagGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == request.GroupId, ct);
        if (group is null) return Error.Invalid("groupId", AudienceText.Get("UnknownGroup"));
        var name = request.Name!.Trim();
        if (group.SyncToWeCom && name.Length > Tag.WeComNameLength) return Error.Invalid("name", AudienceText.Get("WeComNameLength"));
        // WeCom moves no tag between groups: a synced tag stays in its group.
        if (tag.WeComTagId is not null && tag.GroupId != group.Id) return Error.Invalid("groupId", AudienceText.Get("WeComTagStaysInGroup"));
        if (await db.Tags.AnyAsync(t => t.Name == name && t.Id != id, ct)) return Error.Conflict("tag_exists", AudienceText.Get("TagNameTaken"));
        var rule = await rules.Read(request.Rule, ct);
        if (!rule.IsSuccess) return rule.Error!;
        var before = tag.Name;
        (tag.GroupId, tag.Name, tag.Color, tag.Source, tag.ExpiryDays, tag.WeComTagId) =
            (request.GroupId!.Value, name, request.Color, request.Source ?? tag.Source, request.ExpiryDays, request.WeComTagId ?? tag.WeComTagId);
        // A new rule replaces the old; a tag given another source stops being a rule tag (its holders keep it until taken).
        if (rule.Value is not null) (tag.Rule, tag.Source) = (rule.Value.Json, TagSource.Rule);
        else if (tag.Source != TagSource.Rule) tag.Rule = null;
        if (group.SyncToWeCom && before != name) db.Publish(new WeComGroupWanted(tag.TenantId, group.Id), time.GetUtcNow().UtcDateTime);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag", tag.Id.ToString(), $"tag {before} changed: {tag.Name}, {tag.Source}, expiry {tag.ExpiryDays?.ToString() ?? "none"}", ct);
        return TagView.Of(tag, await audience.Count(new HasTag(tag.Id), ct), await rules.Text(tag, ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/tags/{id:guid}", async (Guid id, SaveTagRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                UpdateTag handler, CancellationToken ct) => (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, t => t.Version))
        .RequireAuthorization(Permissions.TagsManage)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("UpdateTag")
        .WithSummary("Changes a tag's name, group, colour, source or expiry days (If-Match: its version; audited)");
}
