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
        var codes = db.GroupCodes.AsNoTracking();
        codes = query.Status is { } status ? codes.Where(c => c.Status == status) : codes.Where(c => c.Status != LiveCodeStatus.Deleted);
        if (query.ChannelId is { } channel) codes = codes.Where(c => c.ChannelId == channel);
        if (query.Search is { } q) codes = codes.Where(c => c.Name.Contains(q) || c.State == q);
        codes = query.Descending ? codes.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id) : codes.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id);
        var page = await codes.ToPage(x => x, query, ct);
        // One look-up for the whole page's groups.
        var groups = (await ways.Groups(actor.TenantId!.Value, page.Items.SelectMany(c => c.ChatIds).Distinct().ToList(), ct)).ToDictionary(g => g.ChatId);
        return new Page<GroupCodeView>(page.Items.Select(c => GroupCodeView.Of(c, groups)).ToList(), page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/group-codes", async ([AsParameters] GroupCodeListQuery query, ListGroupCodes handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.AcquisitionRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("ListGroupCodes")
        .WithSummary("The brand's group live codes (q: name contains or exact state; channelId; status) with each group's member count");
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
