using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>
/// mark_tag for another module. WeCom keeps corp tags per relationship, so a customer is tagged through one staff
/// member: the one named, or (<see cref="TagPlan"/>) the relationships that need the change. Each relationship WeCom
/// changed is stored at once, so its next read (an edit callback, a sync) finds no difference to announce.
/// </summary>
internal sealed class MarkCustomerTags(TenantCorps corps, IWeComClient client, TagPlan plan, CorpTagMirror mirror)
{
    public async Task<WeComTagOutcome<IReadOnlyList<RelationTagsMarked>>> Handle(Guid tenantId, string externalUserId, string? staffUserId,
        IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken ct)
    {
        // A tag in both lists is removed: asking to take a tag off wins over asking to put it on.
        var remove = removeTagIds.Where(t => !string.IsNullOrEmpty(t)).Distinct().ToList();
        var add = addTagIds.Where(t => !string.IsNullOrEmpty(t)).Distinct().Except(remove).ToList();
        if (add.Count + remove.Count == 0) return Failed(TagOutcomes.Invalid("NothingToMark"));
        if (await corps.Find(tenantId, ct) is not { } corp) return Failed(TagOutcomes.NotConnected);

        IReadOnlyList<TagPlan.Marks> marks = string.IsNullOrEmpty(staffUserId)
            ? await plan.For(tenantId, externalUserId, add, remove, ct)
            : [new TagPlan.Marks(staffUserId, add, remove)];
        if (marks.Count == 0 && string.IsNullOrEmpty(staffUserId) && !await plan.HasActiveRelation(externalUserId, ct))
            return Failed(new WeComTagOutcome(WeComTagStatus.NoRelation, TagOutcomes.Text("NoActiveRelation")));

        var done = new List<RelationTagsMarked>();
        foreach (var mark in marks)
        {
            var request = new MarkTagRequest(mark.StaffUserId, externalUserId, mark.Add.Count > 0 ? mark.Add : null, mark.Remove.Count > 0 ? mark.Remove : null);
            var marked = await client.MarkTag(corp.App, request, ct);
            if (!marked.IsSuccess)
            {
                // The relationships WeCom already changed stay stored; marking again is harmless.
                await mirror.Save(ct);
                return Failed(TagOutcomes.From(marked.Error!));
            }
            var now = await mirror.Marked(tenantId, externalUserId, mark.StaffUserId, mark.Add, mark.Remove, ct);
            done.Add(new RelationTagsMarked(mark.StaffUserId, mark.Add, mark.Remove, now));
        }
        await mirror.Save(ct);
        return new WeComTagOutcome<IReadOnlyList<RelationTagsMarked>>(WeComTagStatus.Done, done);
    }

    private static WeComTagOutcome<IReadOnlyList<RelationTagsMarked>> Failed(WeComTagOutcome outcome) =>
        WeComTagOutcome<IReadOnlyList<RelationTagsMarked>>.Of(outcome);
}
