namespace Waterwheel.Customers.Identity.Rules;

/// <summary>A tenant's own rule for one identifier type, replacing the default of <see cref="Graph.IdentityRules.Defaults"/>.</summary>
internal sealed class IdentityRuleSetting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public IdentityType Type { get; init; }
    public int MaxPerProfile { get; set; }
    public int Priority { get; set; }
    public bool MayMerge { get; set; } = true;
    public int Version { get; set; }
}

public enum IdentifierMarkKind
{
    /// <summary>Names nobody (a value a touchpoint sends for everyone): never linked.</summary>
    Blocked,

    /// <summary>Belongs to many people (a store's tablet, a shop's landline): never links two people.</summary>
    Shared,
}

/// <summary>An identifier value a tenant marked blocked or shared; <see cref="Key"/> is its stored form, as on identities.</summary>
internal sealed class IdentifierMark
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public IdentityType Type { get; init; }
    public required string Key { get; init; }
    public IdentifierMarkKind Kind { get; init; }
}
