using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Pools;
using Waterwheel.Acquisition.Routing;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Cards;

/// <summary>
/// The single-member way of a card, made the first time its page is opened: a guide of the card's code picked by the
/// code's policy, caps and schedule (the same <see cref="GuidePicker"/> as nearest-store pages), with the card's state.
/// Only opened cards cost a way, and a card keeps its guide for life. Two phones opening one card at once may both
/// make a way: the card's version lets one save; the other deletes its own way from WeCom and shows the winner's.
/// </summary>
internal sealed class CardWays(AcquisitionDbContext db, IWeComContactWays ways, PoolSync pools)
{
    public async Task<ContactWayOutcome<ParcelCard>> For(ParcelCard card, LiveCode code, CancellationToken ct)
    {
        if (card.ConfigId is not null) return new(ContactWayStatus.Done, card);
        var (local, today) = await pools.Today(ct);
        var adds = await pools.AddsOn(code.Id, today, ct);
        var users = code.Pool.Select(m => m.WeComUserId).ToList();
        var last = await db.Arrivals.AsNoTracking().Where(a => a.CodeId == code.Id && a.Day == today && users.Contains(a.StaffUserId))
            .OrderByDescending(a => a.At).Select(a => a.StaffUserId).FirstOrDefaultAsync(ct);
        var picked = GuidePicker.Pick(code, code.Pool, code.Schedule, local, adds, last, Random.Shared);

        var made = await ways.Create(code.TenantId, new ContactWaySpec([picked], card.State, code.SkipVerify, Remark(code.Name), Single: true), ct);
        if (!made.IsDone) return ContactWayOutcome<ParcelCard>.Of(made);
        db.Cards.Attach(card);
        (card.WeComUserId, card.ConfigId, card.QrCodeUrl) = (picked, made.Value!.ConfigId, made.Value.QrCodeUrl);
        if (await db.SaveOrStale(ct) is null) return new(ContactWayStatus.Done, card);
        // Another phone opened the card first and its way is the card's: ours goes.
        db.Entry(card).State = EntityState.Detached;
        await ways.Delete(code.TenantId, made.Value.ConfigId, CancellationToken.None);
        return await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == card.Id && c.ConfigId != null, ct) is { } winner
            ? new(ContactWayStatus.Done, winner)
            : new(ContactWayStatus.Failed, Error: "The card's way could not be saved.", Retryable: true);
    }

    /// <summary>Takes the ways of a code's opened cards out of WeCom (the code is deleted or expired); the cards stay, closed.</summary>
    public async Task<ContactWayOutcome> RemoveAll(LiveCode code, CancellationToken ct)
    {
        foreach (var card in await db.Cards.Where(c => c.CodeId == code.Id && c.ConfigId != null).OrderBy(c => c.Id).ToListAsync(ct))
        {
            var deleted = await ways.Delete(code.TenantId, card.ConfigId!, ct);
            if (!deleted.IsDone) return deleted;
            (card.ConfigId, card.QrCodeUrl) = (null, null);
            await db.SaveChangesAsync(ct);
        }
        return new ContactWayOutcome(ContactWayStatus.Done);
    }

    private static string Remark(string name) => name.Length <= 30 ? name : name[..30];
}
