using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Access;

public sealed record MeDto(string Name, string? Role, Guid? TenantId, ScopeKind Scope, IReadOnlyList<string> Permissions);

internal static class GetMe
{
    public static MeDto Describe(ActorContext actor) => new(
        actor.Name, actor.Role?.ToString(), actor.TenantId, actor.Scope.Kind,
        Contracts.Permissions.All.Where(actor.Has).ToList());

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/me", (ActorContext actor) => TypedResults.Ok(Describe(actor)))
        .WithName("GetMe")
        .WithSummary("Who you are, your data scope and your permissions");
}
