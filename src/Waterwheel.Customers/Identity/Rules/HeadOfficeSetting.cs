using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Identity.Rules;

/// <summary>
/// The identity rules decide for the whole brand which records are one person, so only a head-office role changes them,
/// although a dealer admin may write profiles of its own customers.
/// </summary>
internal static class HeadOfficeSetting
{
    public static Error? RequireHeadOffice(this ActorContext actor) => actor.IsSystem || actor.Scope.Kind == ScopeKind.Tenant
        ? null
        : Error.Forbidden("tenant_wide_setting", CustomersText.Get("IdentityRulesHeadOffice"));
}
