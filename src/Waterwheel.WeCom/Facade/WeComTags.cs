using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Facade.Tags;

namespace Waterwheel.WeCom.Facade;

/// <summary><see cref="IWeComTags"/>: each call runs in its own scope as the named tenant's system actor.</summary>
internal sealed class WeComTags(IServiceScopeFactory scopes) : IWeComTags
{
    private const string Actor = "wecom-tags";

    public Task<IReadOnlyList<WeComTagGroup>> Groups(Guid tenantId, CancellationToken ct) =>
        scopes.As<ListTagGroups, IReadOnlyList<WeComTagGroup>>(tenantId, Actor, h => h.Handle(ct));

    public Task<WeComTagOutcome<WeComTagGroup>> CreateGroup(Guid tenantId, string name, IReadOnlyList<NewWeComTag> tags, long? order, CancellationToken ct) =>
        scopes.As<CreateCorpTags, WeComTagOutcome<WeComTagGroup>>(tenantId, Actor, h => h.Handle(tenantId, null, name, tags, order, ct));

    public async Task<WeComTagOutcome<IReadOnlyList<WeComTag>>> CreateTags(Guid tenantId, string groupId, IReadOnlyList<NewWeComTag> tags, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(groupId)) return new(WeComTagStatus.NotFound, null, TagOutcomes.Text("NotFound"));
        var created = await scopes.As<CreateCorpTags, WeComTagOutcome<WeComTagGroup>>(tenantId, Actor, h => h.Handle(tenantId, groupId, null, tags, null, ct));
        return created.Value is { } group ? new(WeComTagStatus.Done, group.Tags) : WeComTagOutcome<IReadOnlyList<WeComTag>>.Of(created);
    }

    public Task<WeComTagOutcome> EditGroup(Guid tenantId, string groupId, string? name, long? order, CancellationToken ct) =>
        scopes.As<EditCorpTag, WeComTagOutcome>(tenantId, Actor, h => h.Handle(tenantId, groupId, name, order, ct));

    public Task<WeComTagOutcome> EditTag(Guid tenantId, string tagId, string? name, long? order, CancellationToken ct) =>
        scopes.As<EditCorpTag, WeComTagOutcome>(tenantId, Actor, h => h.Handle(tenantId, tagId, name, order, ct));

    public Task<WeComTagOutcome> DeleteGroup(Guid tenantId, string groupId, CancellationToken ct) =>
        scopes.As<DeleteCorpTags, WeComTagOutcome>(tenantId, Actor, h => h.Handle(tenantId, [], [groupId], ct));

    public Task<WeComTagOutcome> DeleteTags(Guid tenantId, IReadOnlyList<string> tagIds, CancellationToken ct) =>
        scopes.As<DeleteCorpTags, WeComTagOutcome>(tenantId, Actor, h => h.Handle(tenantId, tagIds, [], ct));

    public Task<WeComTagOutcome<IReadOnlyList<RelationTagsMarked>>> MarkCustomer(Guid tenantId, string externalUserId, string? staffUserId,
        IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken ct) =>
        scopes.As<MarkCustomerTags, WeComTagOutcome<IReadOnlyList<RelationTagsMarked>>>(tenantId, Actor,
            h => h.Handle(tenantId, externalUserId, staffUserId, addTagIds, removeTagIds, ct));

    public Task<IReadOnlyList<RelationTagSet>> CustomerTags(Guid tenantId, string externalUserId, CancellationToken ct) =>
        scopes.As<GetCustomerTags, IReadOnlyList<RelationTagSet>>(tenantId, Actor, h => h.Handle(externalUserId, ct));
}
