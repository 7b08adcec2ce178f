using Microsoft.Extensions.Logging;
using Waterwheel.Customers.Contracts;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Cards;

/// <summary>
/// An add through a card's way: the first customer who adds through a card takes it, and the Customers module links
/// them to the order's buyer (one profile holding the buyer id and the external_userid). The card is taken before the
/// link is asked for, so two people adding through one card (a household) at once link only one of them; the taker's
/// own add delivered again asks again, which links nothing new.
/// </summary>
internal sealed class CardArrivals(AcquisitionDbContext db, IOrderBuyers orders, ILogger<CardArrivals> log)
{
    public async Task Link(CustomerAddedStaff added, CancellationToken ct)
    {
        if (Token(added.State) is not { } token) return;
        var card = await db.Cards.FirstOrDefaultAsync(c => c.Token == token, ct);
        if (card is null) return;
        if (card.LinkedExternalUserId is null)
        {
            (card.LinkedExternalUserId, card.LinkedAt) = (added.ExternalUserId, DateTime.SpecifyKind(added.AddedAt, DateTimeKind.Utc));
            // Someone else took the card in the meantime: read who.
            if (await db.SaveOrStale(ct) is not null)
            {
                db.Entry(card).State = EntityState.Detached;
                card = await db.Cards.AsNoTracking().FirstAsync(c => c.Id == card.Id, ct);
            }
        }
        if (card.LinkedExternalUserId != added.ExternalUserId) return;
        var outcome = await orders.LinkWeComContact(card.Channel, card.OrderNumber, added.ExternalUserId, ct);
        if (outcome != OrderLinkOutcome.Linked) log.LogInformation("Parcel card {CardId}: the add was not linked to the order's buyer ({Outcome})", card.Id, outcome);
    }

    /// <summary>The card token a state carries, or none for states of other ways.</summary>
    public static string? Token(string? state) =>
        state is { Length: 2 + ParcelCard.TokenLength } && state.StartsWith(ParcelCard.StatePrefix, StringComparison.Ordinal) ? state[2..] : null;
}
