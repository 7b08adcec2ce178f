using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Channels;

public sealed record ChannelListQuery : PageQuery
{
    public ChannelKind? Kind { get; set; }
    public Guid? ParentId { get; set; }
}

/// <summary>The brand's channels, searchable by name, filterable by kind and campaign, newest first unless sorted by name or cost.</summary>
internal sealed class ListChannels(AcquisitionDbContext db)
{
    public async Task<Page<ChannelView>> Handle(ChannelListQuery query, CancellationToken ct)
    {
        var page = await Ordered(query).ToPage(x => x, query, ct);
        return new Page<ChannelView>(await Views(page.Items, ct), page.Total, page.PageNumber, page.PageSize);
    }

    /// <summary>Every channel the filter matches, in the list's order, with counts; refused above the export's limit.</summary>
    public async Task<Result<List<ChannelView>>> All(ChannelListQuery query, CancellationToken ct)
    {
        var rows = await ListExport.ReadAll(Ordered(query), ct);
        return rows.IsSuccess ? await Views(rows.Value!, ct) : rows.Error!;
    }

    private IQueryable<Channel> Ordered(ChannelListQuery query)
    {
        var channels = db.Channels.AsNoTracking();
        if (query.Kind is { } kind) channels = channels.Where(c => c.Kind == kind);
        if (query.ParentId is { } parent) channels = channels.Where(c => c.ParentId == parent);
        if (query.Search is { } q) channels = channels.Where(c => c.Name.Contains(q));
        return (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => channels.OrderBy(c => c.Name).ThenBy(c => c.Id),
            ("name", true) => channels.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
            // SQLite cannot order by decimal (stored as text): cost orders as a real, which keeps the order of 2-decimal amounts.
            ("cost", false) => channels.OrderBy(c => (double)c.Cost).ThenBy(c => c.Id),
            ("cost", true) => channels.OrderByDescending(c => (double)c.Cost).ThenBy(c => c.Id),
            (_, false) => channels.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
            (_, true) => channels.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        };
    }

    private async Task<List<ChannelView>> Views(IReadOnlyList<Channel> channels, CancellationToken ct)
    {
        var ids = channels.Select(c => c.Id).ToList();
        var codes = await db.Codes.AsNoTracking().Where(c => ids.Contains(c.ChannelId) && c.Status != Codes.LiveCodeStatus.Deleted)
            .GroupBy(c => c.ChannelId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var arrivals = await db.Arrivals.AsNoTracking().Where(a => ids.Contains(a.ChannelId))
            .GroupBy(a => a.ChannelId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. channels.Select(c => ChannelView.Of(c, codes.GetValueOrDefault(c.Id), arrivals.GetValueOrDefault(c.Id)))];
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/channels", async ([AsParameters] ChannelListQuery query, ListChannels handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.AcquisitionRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ListChannels")
            .WithSummary("The brand's channels (q: name contains; kind; parentId; sort created|name|cost) with their codes and arrivals counted");

        api.MapGet("/channels/export", async ([AsParameters] ChannelListQuery query, string? format, ListChannels handler, Channels.AcquisitionFiles files, CancellationToken ct) =>
            {
                var rows = await handler.All(query, ct);
                return rows.IsSuccess ? await files.Channels(rows.Value!, format, query, ct) : rows.Error!.ToProblem();
            })
            .RequireAuthorization(Permissions.AcquisitionRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportChannels")
            .WithSummary("The channels as CSV or xlsx (format), same filter and order, with codes, arrivals and cost per fan (audited)");
    }
}

/// <summary>One channel with its counts; its version as ETag.</summary>
internal sealed class GetChannel(AcquisitionDbContext db)
{
    public async Task<Result<ChannelView>> Handle(Guid id, CancellationToken ct)
    {
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null) return Error.NotFound("Channel");
        return await Counted(db, channel, ct);
    }

    internal static async Task<ChannelView> Counted(AcquisitionDbContext db, Channel channel, CancellationToken ct) => ChannelView.Of(channel,
        await db.Codes.CountAsync(c => c.ChannelId == channel.Id && c.Status != Codes.LiveCodeStatus.Deleted, ct),
        await db.Arrivals.CountAsync(a => a.ChannelId == channel.Id, ct));

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/channels/{id:guid}", async (Guid id, HttpResponse response, GetChannel handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, c => c.Version))
        .RequireAuthorization(Permissions.AcquisitionRead)
        .WithName("GetChannel")
        .WithSummary("One channel with its codes and arrivals counted");
}

/// <summary>Creates a channel (audited).</summary>
internal sealed class CreateChannel(AcquisitionDbContext db, IValidator<SaveChannelRequest> validator, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<ChannelView>> Handle(SaveChannelRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var name = request.Name!.Trim();
        if (await ChannelRules.Check(db, null, name, request.ParentId, ct) is { } refused) return refused;
        var channel = new Channel
        {
            TenantId = actor.TenantId!.Value, Name = name, Kind = request.Kind!.Value, Cost = request.Cost ?? 0, ParentId = request.ParentId,
            SpendFrom = request.SpendFrom, SpendTo = request.SpendTo,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.ChannelChanged, "channel", channel.Id.ToString(), $"channel {channel.Name} created ({channel.Kind}, ¥{channel.Cost}{Funnels.ChannelSpend.Period(channel)})", ct);
        return ChannelView.Of(channel, 0, 0);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/channels", async (SaveChannelRequest request, CreateChannel handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(c => $"/api/acquisition/channels/{c.Id}"))
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("CreateChannel")
        .WithSummary("Creates a channel: name (unique), kind, cost in yuan, parentId of a campaign (audited)");
}

/// <summary>Changes a channel (If-Match; audited).</summary>
internal sealed class UpdateChannel(AcquisitionDbContext db, IValidator<SaveChannelRequest> validator, IAuditLog audit)
{
    public async Task<Result<ChannelView>> Handle(Guid id, SaveChannelRequest request, string? ifMatch, CancellationToken ct)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null) return Error.NotFound("Channel");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (ETags.Check(ifMatch, channel.Version) is { } precondition) return precondition;
        var name = request.Name!.Trim();
        if (await ChannelRules.Check(db, id, name, request.ParentId, ct) is { } refused) return refused;
        (channel.Name, channel.Kind, channel.Cost, channel.ParentId) = (name, request.Kind!.Value, request.Cost ?? 0, request.ParentId);
        (channel.SpendFrom, channel.SpendTo) = (request.SpendFrom, request.SpendTo);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.ChannelChanged, "channel", channel.Id.ToString(), $"channel {channel.Name} changed ({channel.Kind}, ¥{channel.Cost}{Funnels.ChannelSpend.Period(channel)})", ct);
        return await GetChannel.Counted(db, channel, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/channels/{id:guid}", async (Guid id, SaveChannelRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                UpdateChannel handler, CancellationToken ct) => (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, c => c.Version))
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("UpdateChannel")
        .WithSummary("Changes a channel's name, kind, cost or campaign (If-Match: its version; audited)");
}

/// <summary>Deletes a channel that holds no channels and no codes (If-Match; audited): its arrivals would lose their source.</summary>
internal sealed class DeleteChannel(AcquisitionDbContext db, IAuditLog audit)
{
    public async Task<Result<bool>> Handle(Guid id, string? ifMatch, CancellationToken ct)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null) return Error.NotFound("Channel");
        if (ETags.Check(ifMatch, channel.Version) is { } precondition) return precondition;
        if (await db.Channels.AnyAsync(c => c.ParentId == id, ct) || await db.Codes.AnyAsync(c => c.ChannelId == id, ct)
            || await db.GroupCodes.AnyAsync(c => c.ChannelId == id, ct))
            return Error.Conflict("channel_in_use", AcquisitionText.Get("ChannelInUse"));
        db.Channels.Remove(channel);
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.ChannelChanged, "channel", channel.Id.ToString(), $"channel {channel.Name} deleted", ct);
        return true;
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/channels/{id:guid}", async Task<IResult> (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, DeleteChannel handler, CancellationToken ct) =>
            await handler.Handle(id, ifMatch, ct) is { IsSuccess: false } failed ? failed.Error!.ToProblem() : TypedResults.NoContent())
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithName("DeleteChannel")
        .WithSummary("Deletes a channel with no child channels and no codes (If-Match: its version; audited)");
}

/// <summary>A unique name, and a parent that exists and is itself a campaign (one level of nesting).</summary>
internal static class ChannelRules
{
    public static async Task<Error?> Check(AcquisitionDbContext db, Guid? self, string name, Guid? parentId, CancellationToken ct)
    {
        if (await db.Channels.AnyAsync(c => c.Name == name && c.Id != self, ct)) return Error.Conflict("channel_exists", AcquisitionText.Get("ChannelNameTaken"));
        if (parentId is not { } parent) return null;
        if (parent == self) return Error.Invalid("parentId", AcquisitionText.Get("ParentIsSelf"));
        var found = await db.Channels.AsNoTracking().Where(c => c.Id == parent).Select(c => new { c.ParentId }).FirstOrDefaultAsync(ct);
        if (found is null) return Error.Invalid("parentId", AcquisitionText.Get("UnknownChannel"));
        if (found.ParentId is not null || (self is { } id && await db.Channels.AnyAsync(c => c.ParentId == id, ct)))
            return Error.Invalid("parentId", AcquisitionText.Get("OneLevel"));
        return null;
    }
}
