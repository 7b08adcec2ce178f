namespace Waterwheel.Acquisition.Arrivals;

public sealed record ArrivalView(Guid Id, Guid CodeId, Guid ChannelId, string StaffUserId, string ExternalUserId, DateTime At, DateOnly Day, DateTime? TaggedAt);

/// <summary>The customers a code brought, newest first.</summary>
internal sealed class ListArrivals(AcquisitionDbContext db)
{
    public async Task<Result<Page<ArrivalView>>> Handle(Guid codeId, PageQuery query, CancellationToken ct)
    {
        if (!await db.Codes.AnyAsync(c => c.Id == codeId, ct)) return Error.NotFound("Live code");
        return await db.Arrivals.AsNoTracking().Where(a => a.CodeId == codeId).OrderByDescending(a => a.At).ThenBy(a => a.Id)
            .ToPage(q => q.Select(a => new ArrivalView(a.Id, a.CodeId, a.ChannelId, a.StaffUserId, a.ExternalUserId, a.At, a.Day, a.TaggedAt)), query, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/codes/{id:guid}/arrivals", async (Guid id, [AsParameters] PageQuery query, ListArrivals handler, CancellationToken ct) =>
            (await handler.Handle(id, query, ct)).ToOk())
        .RequireAuthorization(Permissions.AcquisitionRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("ListCodeArrivals")
        .WithSummary("The customers a live code brought (their WeCom ids), with the staff member who took each and when");
}
