
namespace Waterwheel.Platform.Access;

public sealed record RoleDto(StaffRole Role, string Scope, IReadOnlyList<string> Permissions);

/// <summary>The fixed role catalogue with its permissions and data scope, as the roles page shows it.</summary>
internal static class ListRoles
{
    public static IReadOnlyList<RoleDto> Catalogue() => Enum.GetValues<StaffRole>()
        .Select(r => new RoleDto(r, ScopeOf(r), Permissions.All.Where(Permissions.ByRole[r].Contains).ToList()))
        .ToList();

    private static string ScopeOf(StaffRole role) => role switch
    {
        StaffRole.DealerAdmin => "dealer",
        StaffRole.StoreManager => "store",
        StaffRole.Guide => "self",
        _ => "tenant",
    };

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/roles", () => TypedResults.Ok(Catalogue()))
        .RequireAuthorization(Permissions.OrgRead)
        .WithName("ListRoles")
        .WithSummary("Roles, their permissions and data scope");
}
