using Microsoft.AspNetCore.Mvc;
using Waterwheel.Audiences.WeComSync;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences.Tags;

/// <summary>
/// Deletes a tag, taking it from every customer first, batch by batch, so that every node's index hears each customer
/// lose it (If-Match; head office; audited with how many held it). Segments naming it then match no one by it.
/// </summary>
internal sealed class DeleteTag(AudiencesDbContext db, TagWriter writer, IAuditLog audit, TimeProvider time)
{
    private const int Batch = 1_000;

    public async Task<Result<TagView>> Handle(Guid id, string? ifMatch, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null) return Error.NotFound("Tag");
        if (ETags.Check(ifMatch, tag.Version) is { } precondition) return precondition;
        var taken = await TakeFromEveryone(tag, ct);
        var deleted = await db.Atomically(async () =>
        {
            var rows = await db.Tags.Where(t => t.Id == id && t.Version == tag.Version).ExecuteDeleteAsync(ct);
            if (rows > 0 && tag.WeComTagId is { } weComTagId)
            {
                db.Publish(new WeComTagDeletionWanted(tag.TenantId, tag.GroupId, weComTagId), time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
            }
            return rows;
        }, ct);
        if (deleted == 0) return Error.StaleVersion();
        await audit.RecordNowAsync(AuditActions.TagsChanged, "tag", tag.Id.ToString(), $"tag {tag.Name} deleted; {taken} customers held it", ct);
        return TagView.Of(tag, 0);
    }

    /// <summary>
    /// Takes the tag from every customer holding it; returns how many did. The tag itself stays. Nothing is asked of WeCom
    /// customer by customer: deleting a corp tag there takes it from everyone at once.
    /// </summary>
    public async Task<int> TakeFromEveryone(Tag tag, CancellationToken ct)
    {
        var taken = 0;
        while (true)
        {
            var holders = await db.CustomerTags.Where(t => t.TagId == tag.Id).Select(t => t.ProfileId).OrderBy(id => id).Take(Batch).ToListAsync(ct);
            if (holders.Count == 0) return taken;
            var members = await db.Members.IgnoreQueryFilters().Where(m => m.TenantId == tag.TenantId && holders.Contains(m.ProfileId)).ToListAsync(ct);
            taken += await writer.Take(tag.Id, members, ct, toWeCom: false, TagChangeCause.Deletion);
            // A holder with no member row (retired while tagged) would otherwise be met again on every round.
            await db.CustomerTags.Where(t => t.TagId == tag.Id && holders.Contains(t.ProfileId)).ExecuteDeleteAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/tags/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, DeleteTag handler, CancellationToken ct) =>
            (await handler.Handle(id, ifMatch, ct)).ToOk())
        .RequireAuthorization(Permissions.TagsManage)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("DeleteTag")
        .WithSummary("Deletes a tag and takes it from every customer holding it (If-Match: its version; audited)");
}
