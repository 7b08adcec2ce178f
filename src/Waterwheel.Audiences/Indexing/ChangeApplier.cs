using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Audiences.Members;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Indexing;

/// <summary>Applies one change-log row to its tenant's index on this node.</summary>
internal sealed class ChangeApplier(AudienceIndexes indexes, IServiceScopeFactory scopes)
{
    public async Task Apply(MemberChange change, CancellationToken ct)
    {
        var index = indexes.Get(change.TenantId);
        switch (change.Kind)
        {
            case MemberChangeKind.Values:
                var unknown = new List<string>();
                var values = MemberRecords.Read(change.Values, index.Catalog, unknown);
                if (unknown.Count > 0)
                {
                    // An attribute defined since the catalog was loaded: learn it, then read the values again.
                    await LearnAttributes(change.TenantId, index.Catalog, ct);
                    values = MemberRecords.Read(change.Values, index.Catalog);
                }
                foreach (var field in index.Catalog.Fields)
                    if (values.TryGetValue(field.Name, out var value)) index.SetValue(change.Ordinal, field.Name, value);
                    else index.ClearValue(change.Ordinal, field.Name);
                break;
            case MemberChangeKind.Remove:
                index.Remove(change.Ordinal);
                break;
            case MemberChangeKind.SetTag:
                index.SetTag(change.Ordinal, change.TagId!.Value);
                break;
            case MemberChangeKind.ClearTag:
                index.ClearTag(change.Ordinal, change.TagId!.Value);
                break;
        }
    }

    private async Task LearnAttributes(Guid tenant, Segments.FieldCatalog catalog, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "audience-index");
        await TenantCatalog.AddCustom(catalog, scope.ServiceProvider.GetRequiredService<ICustomerFacts>(), ct);
    }
}
