using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Organisation;

public enum OrgUnitKind { HeadOffice, SubBrand, Region, Dealer }

/// <summary>
/// A node of the brand's organisation: head office → sub-brands → regions → dealers. <see cref="Path"/> is the
/// chain of ancestor ids ("/hq/sub/region/"), so "everything under a dealer" is a prefix match.
/// </summary>
internal sealed class OrgUnit : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid? ParentId { get; init; }
    public OrgUnitKind Kind { get; init; }
    public required string Name { get; set; }
    public required string Code { get; set; }
    public string Path { get; private set; } = "/";
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// A dealer's choice to let head office see its customers in full (names, identifiers) rather than only count them.
    /// Only the dealer sets it: the customers are the dealer's (seed 004).
    /// </summary>
    public bool SharesCustomerDetails { get; set; }

    public int Version { get; set; }

    public static OrgUnit Create(Guid tenantId, OrgUnit? parent, OrgUnitKind kind, string name, string code)
    {
        var unit = new OrgUnit { TenantId = tenantId, ParentId = parent?.Id, Kind = kind, Name = name, Code = code };
        unit.Path = (parent?.Path ?? "/") + unit.Id.ToString("N") + "/";
        return unit;
    }

    /// <summary>Which kinds may sit directly under which: keeps the tree in the brand's shape.</summary>
    public static bool MayContain(OrgUnitKind parent, OrgUnitKind child) => (parent, child) switch
    {
        (OrgUnitKind.HeadOffice, OrgUnitKind.SubBrand or OrgUnitKind.Region) => true,
        (OrgUnitKind.SubBrand, OrgUnitKind.Region) => true,
        (OrgUnitKind.Region, OrgUnitKind.Dealer) => true,
        _ => false,
    };
}
