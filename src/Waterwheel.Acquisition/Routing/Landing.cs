using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Routing;

/// <summary>What the public landing endpoints share: the code behind a page's token, as its tenant.</summary>
internal static class Landing
{
    /// <summary>
    /// The active nearest-store code with this token, the request now acting as its tenant's system actor; none for a
    /// token nobody issued, or a code deleted or expired (also in the minute before the upkeep marks it so). The one
    /// lookup across tenants, by a token that is unique.
    /// </summary>
    public static async Task<LiveCode?> Open(AcquisitionDbContext db, ActorContext actor, string token, TimeProvider time, CancellationToken ct)
    {
        if (token.Length != LiveCode.TokenLength) return null;
        var code = await db.Codes.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(c => c.PublicToken == token && c.Status == LiveCodeStatus.Active, ct);
        if (code?.Routing is null || code.ExpiresAt <= time.GetUtcNow().UtcDateTime) return null;
        actor.UseSystem(code.TenantId, "acquisition-landing");
        return code;
    }

    public static Error Gone() => new(ErrorKind.NotFound, "code_gone", AcquisitionText.Get("LandingGone"));
}
