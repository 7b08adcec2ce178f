using Waterwheel.Acquisition.Codes;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Routing;

/// <summary>
/// The single-member contact way of a staff member for a nearest-store code, made the first time the landing page
/// picks them and reused after. Two nodes may pick the same staff member at once and both make a way: the unique
/// index (code, staff member) lets one row in; the other node deletes its own way from WeCom again and reads the
/// winner's. A process that dies between WeCom's yes and the save leaves one unused way in WeCom, nothing in ours.
/// </summary>
internal sealed class StoreWays(AcquisitionDbContext db, IWeComContactWays ways, TimeProvider time)
{
    public async Task<ContactWayOutcome<StoreWay>> For(LiveCode code, string weComUserId, CancellationToken ct)
    {
        if (await Find(code.Id, weComUserId, ct) is { } known) return new(ContactWayStatus.Done, known);
        var state = StoreWay.NewState();
        var made = await ways.Create(code.TenantId, new ContactWaySpec([weComUserId], state, code.SkipVerify, Remark(code.Name), Single: true), ct);
        if (!made.IsDone) return ContactWayOutcome<StoreWay>.Of(made);
        var way = new StoreWay
        {
            TenantId = code.TenantId, CodeId = code.Id, WeComUserId = weComUserId, State = state, ConfigId = made.Value!.ConfigId,
            QrCodeUrl = made.Value.QrCodeUrl, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.StoreWays.Add(way);
        if (await db.SaveOrStale(ct) is null) return new(ContactWayStatus.Done, way);
        // Another node saved this staff member's way first: ours goes, theirs is the one.
        db.Entry(way).State = EntityState.Detached;
        await ways.Delete(code.TenantId, way.ConfigId, CancellationToken.None);
        return await Find(code.Id, weComUserId, ct) is { } winner
            ? new(ContactWayStatus.Done, winner)
            : new(ContactWayStatus.Failed, Error: "The staff member's way could not be saved.", Retryable: true);
    }

    /// <summary>Takes every way of a code out of WeCom (the code is deleted or expired); true when WeCom let them all go.</summary>
    public async Task<ContactWayOutcome> RemoveAll(LiveCode code, CancellationToken ct)
    {
        foreach (var way in await db.StoreWays.Where(w => w.CodeId == code.Id).ToListAsync(ct))
        {
            var deleted = await ways.Delete(code.TenantId, way.ConfigId, ct);
            if (!deleted.IsDone) return deleted;
            db.StoreWays.Remove(way);
            await db.SaveChangesAsync(ct);
        }
        return new ContactWayOutcome(ContactWayStatus.Done);
    }

    private Task<StoreWay?> Find(Guid codeId, string weComUserId, CancellationToken ct) =>
        db.StoreWays.AsNoTracking().FirstOrDefaultAsync(w => w.CodeId == codeId && w.WeComUserId == weComUserId, ct);

    private static string Remark(string name) => name.Length <= 30 ? name : name[..30];
}
