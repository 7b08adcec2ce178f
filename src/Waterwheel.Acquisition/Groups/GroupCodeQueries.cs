using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

public sealed record GroupCodeListQuery : PageQuery
{
    public Guid? ChannelId { get; set; }
    public LiveCodeStatus? Status { get; set; }
}

/// <summary>The brand's group live codes (deleted ones only when asked by status), newest first, with each group's members.</summary>
internal sealed class ListGroupCodes(AcquisitionDbContext db, IWeComJoinWays ways, ActorContext actor)
{
    public async Task<Page<GroupCodeView>> Handle(GroupCodeListQuery query, CancellationToken ct)
    {
        var page = await Ordered(query).ToPage(x => x, query, ct);
        return new Page<GroupCodeView>(await Views(page.Items, ct), page.Total, page.PageNumber, page.PageSize);
    }

    /// <summary>Every group code the filter matches, in the list's order; refused above the export's limit.</summary>
    public async Task<Result<List<GroupCodeView>>> All(GroupCodeListQuery query, CancellationToken ct)
    {
        var rows = await ListExport.ReadAll(Ordered(query), ct);
        return rows.IsSuccess ? await Views(rows.Value!, ct) : rows.Error!;
    }

    private IQueryable<GroupCode> Ordered(GroupCodeListQuery query)
    {
        var codes = db.GroupCodes.AsNoTracking();
        codes = query.Status is { } status ? codes.Where(c => c.Status == status) : codes.Where(c => c.Status != LiveCodeStatus.Deleted);
        if (query.ChannelId is { } channel) codes = codes.Where(c => c.ChannelId == channel);
        if (query.Search is { } q) codes = codes.Where(c => c.Name.Contains(q) || c.State == q);
        return query.Descending ? codes.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id) : codes.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id);
    }

    // One look-up for all the codes' groups.
    private async Task<List<GroupCodeView>> Views(IReadOnlyList<GroupCode> codes, CancellationToken ct)
    {
        var groups = (await ways.Groups(actor.TenantId!.Value, codes.SelectMany(c => c.ChatIds).Distinct().ToList(), ct)).ToDictionary(g => g.ChatId);
        return [.. codes.Select(c => GroupCodeView.Of(c, groups))];
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/group-codes", async ([AsParameters] GroupCodeListQuery query, ListGroupCodes handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.AcquisitionRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ListGroupCodes")
            .WithSummary("The brand's group live codes (q: name contains or exact state; channelId; status) with each group's member count");

        api.MapGet("/group-codes/export", async ([AsParameters] GroupCodeListQuery query, string? format, ListGroupCodes handler, Channels.AcquisitionFiles files, CancellationToken ct) =>
            {
                var rows = await handler.All(query, ct);
                return rows.IsSuccess ? await files.GroupCodes(rows.Value!, format, query, ct) : rows.Error!.ToProblem();
            })
            .RequireAuthorization(Permissions.AcquisitionRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportGroupCodes")
            .WithSummary("The group live codes as CSV or xlsx (format), same filter and order, with each group's member count (audited)");
    }
}

/// <summary>One group live code; its version as ETag.</summary>
internal sealed class GetGroupCode(AcquisitionDbContext db, GroupCodeShaping shaping)
{
    public async Task<Result<GroupCodeView>> Handle(Guid id, CancellationToken ct)
    {
        var code = await db.GroupCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return code is null ? Error.NotFound("Group code") : await shaping.View(code, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/group-codes/{id:guid}", async (Guid id, HttpResponse response, GetGroupCode handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, c => c.Version))
        .RequireAuthorization(Permissions.AcquisitionRead)
        .WithName("GetGroupCode")
        .WithSummary("One group live code with its groups' member counts, the groups its join way holds now, and its QR");
}
