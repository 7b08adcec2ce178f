using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Arrivals;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Pools;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition;

/// <summary>The Acquisition module's one door: channels, live codes backed by WeCom contact ways, and the arrivals they bring (ADR 15).</summary>
public static class AcquisitionModule
{
    public static IServiceCollection AddAcquisition(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AcquisitionDbContext, SqliteAcquisitionDbContext, PostgresAcquisitionDbContext>(configuration, AcquisitionDbContext.Schema);
        services.AddUseCasesFrom(typeof(AcquisitionModule).Assembly);
        services.AddScoped<Channels.AcquisitionFiles>();
        services.AddScoped<Funnels.FunnelArrivals>();
        services.AddScoped<CodeShaping>();
        services.AddScoped<PoolSync>();
        services.AddScoped<Routing.StoreWays>();
        services.AddScoped<Routing.LandingCounter>();
        services.AddScoped<Cards.CardWays>();
        services.AddScoped<Cards.CardArrivals>();
        services.AddSingleton<Routing.StoreMaps>();
        Routing.LandingEndpoints.AddLandingLimit(services, configuration);
        services.AddScoped<Groups.GroupCodeShaping>();
        services.AddScoped<Groups.GroupCodeSync>();
        services.AddScoped<Groups.GroupCodeRemoval>();
        services.AddSingleton<IAddWelcomes, Welcome.CodeWelcomes>();
        services.AddIntegrationEventHandler<CustomerAddedStaff, ArrivalIntake>();
        services.AddIntegrationEventHandler<CustomerLost, ArrivalEnds>();
        services.AddIntegrationEventHandler<CustomerGroupChanged, Groups.GroupFilling>();
        services.AddRecurringJob<PoolUpkeep>("acquisition.pool-upkeep", TimeSpan.FromMinutes(1));
        services.AddRecurringJob<Groups.GroupCodeUpkeep>("acquisition.group-code-upkeep", TimeSpan.FromMinutes(1));
        services.AddRecurringJob<PendingTags>("acquisition.pending-tags", TimeSpan.FromSeconds(30));
        services.AddHealthChecks().AddDbContextCheck<AcquisitionDbContext>("acquisition-db", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The landing pages of a tenant's active nearest-store codes (<c>/h5/lbs/{token}</c>), for the demo's crowd to open
    /// as a customer's phone would.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DemoLandingPaths(IServiceProvider services, Guid tenantId, CancellationToken ct)
    {
        services.GetRequiredService<Platform.Tenancy.ActorContext>().UseSystem(tenantId, "demo");
        return await services.GetRequiredService<AcquisitionDbContext>().Codes.AsNoTracking()
            .Where(c => c.Status == Codes.LiveCodeStatus.Active && c.PublicToken != null && c.Routing != null)
            .Select(c => "/h5/lbs/" + c.PublicToken).ToListAsync(ct);
    }

    /// <summary>The demo brand's channels and live codes, made at start when it has none.</summary>
    public static IServiceCollection AddAcquisitionDemo(this IServiceCollection services, Demo.AcquisitionDemoTenant demoTenant,
        Demo.AcquisitionDemoGroups demoGroups) =>
        services.AddSingleton(demoTenant).AddSingleton(demoGroups).AddHostedService<Demo.DemoLiveCodes>();

    public static IEndpointRouteBuilder MapAcquisitionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/acquisition").RequireAuthorization(Platform.PlatformModule.TenantMemberPolicy).WithTags("Acquisition");
        Channels.ListChannels.Map(api);
        Channels.GetChannel.Map(api);
        Channels.CreateChannel.Map(api);
        Channels.UpdateChannel.Map(api);
        Channels.DeleteChannel.Map(api);
        ListCodes.Map(api);
        GetCode.Map(api);
        CreateCode.Map(api);
        UpdateCode.Map(api);
        DeleteCode.Map(api);
        Groups.ListGroupCodes.Map(api);
        Groups.GetGroupCode.Map(api);
        Groups.CreateGroupCode.Map(api);
        Groups.UpdateGroupCode.Map(api);
        Groups.DeleteGroupCode.Map(api);
        ListArrivals.Map(api);
        Routing.GetLandingStats.Map(api);
        Routing.GetStoreMap.Map(api);
        Routing.LandingEndpoints.Map(app);
        Funnels.GetFunnel.Map(api);
        Funnels.GetGuideBoard.Map(api);
        Cards.CreateCards.Map(api);
        Cards.ListCards.Map(api);
        Cards.CardEndpoints.Map(app);
        Posters.GetPoster.Map(api);
        Posters.UploadPosterBackground.Map(api);
        Posters.SavePosterLayout.Map(api);
        Posters.RenderPoster.Map(api);
        return app;
    }
}
