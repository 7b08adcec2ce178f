using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Data;
using Waterwheel.WeCom.Connections;

namespace Waterwheel.WeCom;

/// <summary>The WeCom module's one door: the connection of each tenant to its corp, callbacks, contacts and sync.</summary>
public static class WeComModule
{
    public static IServiceCollection AddWeCom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WeComDbContext, SqliteWeComDbContext, PostgresWeComDbContext>(configuration, WeComDbContext.Schema);
        services.AddUseCasesFrom(typeof(WeComModule).Assembly);
        services.AddHealthChecks().AddDbContextCheck<WeComDbContext>("wecom-db", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapWeComEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/wecom").RequireAuthorization(Platform.PlatformModule.TenantMemberPolicy).WithTags("WeCom");
        GetConnection.Map(api);
        SaveConnection.Map(api);
        return app;
    }
}
