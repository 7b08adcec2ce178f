using Waterwheel.Audiences.Segments;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Members;

/// <summary>The fields the acting tenant's segments can name: the built-in ones and the brand's custom attributes.</summary>
internal static class TenantCatalog
{
    public static async Task<FieldCatalog> Load(ICustomerFacts facts, CancellationToken ct)
    {
        var catalog = new FieldCatalog();
        await AddCustom(catalog, facts, ct);
        return catalog;
    }

    /// <summary>Adds the attributes defined since the catalog was made; an attribute whose key the language cannot say stays out.</summary>
    public static async Task AddCustom(FieldCatalog catalog, ICustomerFacts facts, CancellationToken ct)
    {
        foreach (var attribute in await facts.Attributes(ct))
            if (Enum.TryParse<CustomAttributeType>(attribute.Type, out var type) && !(catalog.TryGet(attribute.Key, out var known) && !known.Custom))
                catalog.AddCustom(attribute.Key, attribute.Label, type);
    }
}
