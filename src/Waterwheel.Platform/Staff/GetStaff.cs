
namespace Waterwheel.Platform.Staff;

internal sealed class GetStaff(PlatformDbContext db)
{
    public async Task<Result<StaffDto>> Handle(Guid id, CancellationToken ct) =>
        await db.Staff.AsNoTracking().Where(s => s.Id == id).ToDto(db).FirstOrDefaultAsync(ct) is { } staff
            ? staff
            : Error.NotFound("Staff member");

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/staff/{id:guid}", async (Guid id, GetStaff handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, s => s.Version))
        .RequireAuthorization(Permissions.StaffRead)
        .WithName("GetStaff")
        .WithSummary("Read one staff member");
}
