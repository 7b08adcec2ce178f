using Waterwheel.Acquisition.Codes;

namespace Waterwheel.Acquisition.Routing;

/// <summary>The code an add's state names: a pool code's own way, one staff member's way of a nearest-store code, or a parcel card's way.</summary>
internal static class CodeByState
{
    public static async Task<LiveCode?> Find(AcquisitionDbContext db, string state, CancellationToken ct)
    {
        var code = await db.Codes.AsNoTracking().FirstOrDefaultAsync(c => c.State == state, ct);
        if (code is not null) return code;
        var codeId = Cards.CardArrivals.Token(state) is { } token
            ? await db.Cards.AsNoTracking().Where(c => c.Token == token).Select(c => (Guid?)c.CodeId).FirstOrDefaultAsync(ct)
            : await db.StoreWays.AsNoTracking().Where(w => w.State == state).Select(w => (Guid?)w.CodeId).FirstOrDefaultAsync(ct);
        return codeId is { } id ? await db.Codes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
    }
}
