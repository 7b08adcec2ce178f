using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Audiences.Counting;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.SavedSegments;

/// <summary>The saved segments the actor's part of the organisation owns (head office sees all), newest first or by name, with counts.</summary>
internal sealed class ListSegments(AudiencesDbContext db, SegmentViews views)
{
    public async Task<Page<SegmentView>> Handle(PageQuery query, CancellationToken ct)
    {
        var segments = db.Segments.AsNoTracking();
        if (query.Search is { } q) segments = segments.Where(s => s.Name.Contains(q));
        segments = (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => segments.OrderBy(s => s.Name).ThenBy(s => s.Id),
            ("name", true) => segments.OrderByDescending(s => s.Name).ThenBy(s => s.Id),
            (_, false) when query.Sort is not null => segments.OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id),
            _ => segments.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id),
        };
        var page = await segments.ToPage(s => s, query, ct);
        var items = new List<SegmentView>(page.Items.Count);
        foreach (var segment in page.Items) items.Add(await views.Of(segment, ct));
        return new Page<SegmentView>(items, page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/segments", async ([AsParameters] PageQuery query, ListSegments handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.AudiencesRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("ListSegments")
        .WithSummary("Saved segments (q: name contains; sort updated|name), each in JSON and text with its count in the caller's scope");
}

internal sealed class GetSegment(AudiencesDbContext db, SegmentViews views)
{
    public async Task<Result<SegmentView>> Handle(Guid id, CancellationToken ct) =>
        await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } segment ? await views.Of(segment, ct) : Error.NotFound("Segment");

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/segments/{id:guid}", async (Guid id, HttpResponse response, GetSegment handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, s => s.Version))
        .RequireAuthorization(Permissions.AudiencesRead)
        .WithName("GetSegment")
        .WithSummary("One saved segment in JSON and text, with its count in the caller's scope");
}

/// <summary>Saves a new segment, validated against the tenant's fields and tags, owned by the actor's part of the organisation; audited.</summary>
internal sealed class CreateSegment(AudiencesDbContext db, IValidator<SaveSegmentRequest> validator, SegmentInput input, SegmentViews views, ActorContext actor,
    IAuditLog audit, TimeProvider time)
{
    public async Task<Result<SegmentView>> Handle(SaveSegmentRequest request, CancellationToken ct)
    {
        var invalid = await validator.Check(request, ct);
        var read = await input.Read(new SegmentRequest(request.Expression, request.Text), ct);
        if (Problems.Together(invalid, read.Error) is { } problem) return problem;
        var now = time.GetUtcNow().UtcDateTime;
        var segment = new SavedSegment
        {
            TenantId = actor.TenantId!.Value, Name = request.Name!.Trim(), Expression = read.Value!.Json, OwnerOrgPath = actor.Scope.Path,
            CreatedBy = actor.Name, CreatedAt = now, UpdatedAt = now,
        };
        db.Segments.Add(segment);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.SegmentSaved, "segment", segment.Id.ToString(), $"segment {segment.Name} saved: {read.Value!.Text}", ct);
        return await views.Of(segment, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/segments", async (SaveSegmentRequest request, CreateSegment handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(s => $"/api/audiences/segments/{s.Id}"))
        .RequireAuthorization(Permissions.AudiencesWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("CreateSegment")
        .WithSummary("Saves a segment: name and its condition as expression (JSON) or text; errors name the field (audited)");
}

/// <summary>Renames a saved segment or changes its condition (If-Match; audited).</summary>
internal sealed class UpdateSegment(AudiencesDbContext db, IValidator<SaveSegmentRequest> validator, SegmentInput input, SegmentViews views, IAuditLog audit,
    TimeProvider time)
{
    public async Task<Result<SegmentView>> Handle(Guid id, SaveSegmentRequest request, string? ifMatch, CancellationToken ct)
    {
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return Error.NotFound("Segment");
        var invalid = await validator.Check(request, ct);
        var read = await input.Read(new SegmentRequest(request.Expression, request.Text), ct);
        if (Problems.Together(invalid, read.Error) is { } problem) return problem;
        if (ETags.Check(ifMatch, segment.Version) is { } precondition) return precondition;
        (segment.Name, segment.Expression, segment.UpdatedAt) = (request.Name!.Trim(), read.Value!.Json, time.GetUtcNow().UtcDateTime);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.SegmentSaved, "segment", segment.Id.ToString(), $"segment {segment.Name} changed: {read.Value!.Text}", ct);
        return await views.Of(segment, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/segments/{id:guid}", async (Guid id, SaveSegmentRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                UpdateSegment handler, CancellationToken ct) => (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, s => s.Version))
        .RequireAuthorization(Permissions.AudiencesWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("UpdateSegment")
        .WithSummary("Renames a saved segment or changes its condition (If-Match: its version; audited)");
}

internal sealed class DeleteSegment(AudiencesDbContext db, IAuditLog audit)
{
    public async Task<Result<Guid>> Handle(Guid id, string? ifMatch, CancellationToken ct)
    {
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return Error.NotFound("Segment");
        if (ETags.Check(ifMatch, segment.Version) is { } precondition) return precondition;
        db.Segments.Remove(segment);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.SegmentSaved, "segment", segment.Id.ToString(), $"segment {segment.Name} deleted", ct);
        return id;
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/segments/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, DeleteSegment handler, CancellationToken ct) =>
            (await handler.Handle(id, ifMatch, ct)).ToOk())
        .RequireAuthorization(Permissions.AudiencesWrite)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("DeleteSegment")
        .WithSummary("Deletes a saved segment; packs frozen from it keep their expression (If-Match: its version; audited)");
}
