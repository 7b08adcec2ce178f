using Microsoft.Extensions.Logging;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Routing;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Cards;

/// <summary>
/// The public page of parcel cards (no sign-in) under <c>/h5/card/{token}</c>, rate-limited per client address like the
/// nearest-store page. Opening it counts a view of the card's code and shows the card's guide; a token nobody issued, or
/// of a code deleted or expired, gets a page that says so (404).
/// </summary>
internal static class CardEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var h5 = app.MapGroup("/h5/card").AllowAnonymous().RequireRateLimiting(LandingEndpoints.Policy).WithTags("Landing").ExcludeFromDescription();
        h5.MapGet("/{token}", async (string token, AcquisitionDbContext db, ActorContext actor, TimeProvider time, LandingCounter counter, CardWays cards,
            IOrganisationDirectory directory, ILoggerFactory logs, CancellationToken ct) =>
        {
            if (await Open(db, actor, token, time, ct) is not { } opened) return Html(CardPage.Message("CardGone"), 404);
            var (card, code) = opened;
            await counter.Add(code.TenantId, code.Id, LandingEvent.View, ct);
            var way = await cards.For(card, code, ct);
            if (!way.IsDone)
            {
                logs.CreateLogger(typeof(CardEndpoints)).LogWarning("Parcel card of code {CodeId}: no way for its guide; WeCom answered {Status}", code.Id, way.Status);
                return Html(CardPage.Message("LandingUnavailable"), 503);
            }
            var shown = way.Value!;
            var name = (await directory.WeComStaff(code.TenantId, ct)).FirstOrDefault(s => s.WeComUserId == shown.WeComUserId)?.Name ?? "";
            return Html(CardPage.Html(name, shown.QrCodeUrl!), 200);
        });
    }

    /// <summary>
    /// The card with this token and its active code, the request now acting as the card's tenant's system actor; none
    /// for a token nobody issued or a code no longer in use. The one lookup across tenants, by a unique token.
    /// </summary>
    private static async Task<(ParcelCard, LiveCode)?> Open(AcquisitionDbContext db, ActorContext actor, string token, TimeProvider time, CancellationToken ct)
    {
        if (token.Length != ParcelCard.TokenLength) return null;
        var card = await db.Cards.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, ct);
        if (card is null) return null;
        var code = await db.Codes.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == card.CodeId && c.TenantId == card.TenantId && c.Status == LiveCodeStatus.Active, ct);
        if (code is null || code.ExpiresAt <= time.GetUtcNow().UtcDateTime) return null;
        actor.UseSystem(code.TenantId, "acquisition-card");
        return (card, code);
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
