namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// The WeCom corp tags (企业标签) as another module may use them: read the corp's groups and tags, make and change them
/// in WeCom, and tag or untag a customer. Every call names the tenant and answers with an outcome, never an exception.
/// Changes made here are not announced back as <see cref="CorpTagChanged"/> or <see cref="CustomerTagsChanged"/>: the
/// caller already knows them, and WeCom raises no callback for API changes. Those events report only what happened in
/// WeCom itself (an admin, a guide) or what a sync found.
/// </summary>
public interface IWeComTags
{
    /// <summary>The corp's live tag groups with their live tags, as last read from WeCom, larger order first.</summary>
    Task<IReadOnlyList<WeComTagGroup>> Groups(Guid tenantId, CancellationToken ct);

    /// <summary>Makes a new group in WeCom with at least one tag (WeCom keeps no empty group); returns WeCom's ids.</summary>
    Task<WeComTagOutcome<WeComTagGroup>> CreateGroup(Guid tenantId, string name, IReadOnlyList<NewWeComTag> tags, long? order, CancellationToken ct);

    /// <summary>Adds tags to an existing group; returns the new tags with WeCom's ids.</summary>
    Task<WeComTagOutcome<IReadOnlyList<WeComTag>>> CreateTags(Guid tenantId, string groupId, IReadOnlyList<NewWeComTag> tags, CancellationToken ct);

    /// <summary>Renames or reorders a group (null leaves a field as it is). WeCom lets an app edit only what it created.</summary>
    Task<WeComTagOutcome> EditGroup(Guid tenantId, string groupId, string? name, long? order, CancellationToken ct);

    /// <summary>Renames or reorders a tag (null leaves a field as it is). WeCom lets an app edit only what it created.</summary>
    Task<WeComTagOutcome> EditTag(Guid tenantId, string tagId, string? name, long? order, CancellationToken ct);

    /// <summary>Deletes a group and its tags; they come off every customer.</summary>
    Task<WeComTagOutcome> DeleteGroup(Guid tenantId, string groupId, CancellationToken ct);

    /// <summary>Deletes tags; they come off every customer, and a group left without tags goes too (as in WeCom).</summary>
    Task<WeComTagOutcome> DeleteTags(Guid tenantId, IReadOnlyList<string> tagIds, CancellationToken ct);

    /// <summary>
    /// Tags and untags a customer (mark_tag). WeCom keeps corp tags per relationship (one staff member's view of the
    /// customer): name the staff member's WeCom userid to act on that one. Without one, a tag to add goes on the
    /// customer's owning relationship (the earliest active one whose staff member has a store, else the earliest
    /// active one) unless an active relationship carries it already, and a tag to remove comes off every active
    /// relationship that carries it. A tag in both lists is removed. The value lists the relationships that changed.
    /// </summary>
    Task<WeComTagOutcome<IReadOnlyList<RelationTagsMarked>>> MarkCustomer(Guid tenantId, string externalUserId, string? staffUserId,
        IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken ct);

    /// <summary>The corp tags each active relationship of the customer carries, as last read from WeCom.</summary>
    Task<IReadOnlyList<RelationTagSet>> CustomerTags(Guid tenantId, string externalUserId, CancellationToken ct);
}
