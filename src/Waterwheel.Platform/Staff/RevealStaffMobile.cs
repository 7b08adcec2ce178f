using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Staff;

public sealed record RevealedValue(string Value);

/// <summary>Shows a masked mobile number in full, and writes down who looked.</summary>
internal sealed class RevealStaffMobile(PlatformDbContext db, FieldEncryptor encryptor, IAuditLog audit)
{
    public async Task<Result<RevealedValue>> Handle(Guid id, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null) return Error.NotFound("Staff member");
        audit.Record(AuditActions.PiiRevealed, "staff", staff.Id.ToString(), $"mobile of {Mask.Name(staff.Name)}");
        await db.SaveChangesAsync(ct);
        return new RevealedValue(encryptor.Decrypt(staff.MobileCipher));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/staff/{id:guid}/reveal-mobile", async (Guid id, RevealStaffMobile handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.PiiReveal)
        .WithName("RevealStaffMobile")
        .WithSummary("Reveal a staff member's mobile number (audited)");
}
