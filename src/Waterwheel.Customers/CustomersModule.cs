using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Relationships;
using Waterwheel.Customers.WeComFeed;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Customers;

/// <summary>The Customers module's one door: one profile per person, fed by the other modules' events.</summary>
public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CustomersDbContext, SqliteCustomersDbContext, PostgresCustomersDbContext>(configuration, CustomersDbContext.Schema);
        services.AddUseCasesFrom(typeof(CustomersModule).Assembly);
        services.AddMemoryCache();
        services.AddSingleton<IdentityKeys>();
        services.AddScoped<OrganisationFacts>();
        services.AddScoped<Profiles.ProfileVisibility>();
        services.AddScoped<IdentityLinks>();
        services.AddScoped<IdentityPreload>();
        services.AddScoped<Timeline.PendingTimeline>();
        services.AddScoped<Identity.Rules.TenantIdentityRules>();
        services.AddScoped<Identity.Merging.ProfileMerger>();
        services.AddScoped<ProfileOwners>();
        services.AddScoped<Consent.ConsentLedger>();
        services.AddScoped<Lifecycle.TenantValueOptions>();
        services.AddScoped<Attributes.TenantAttributes>();
        services.AddScoped<WeComRelationshipIntake>();
        services.AddScoped<Contracts.ICustomerFacts, Facts.CustomerFactsReader>();
        services.AddScoped<Contracts.IOrderBuyers, OrderBuyerLinks>();
        services.AddScoped<Contracts.ICustomerOrders, Facts.CustomerOrdersReader>();
        services.AddIntegrationEventHandler<CustomerAddedStaff, WeComAddIntake>();
        services.AddIntegrationEventHandler<CustomerRelationFound, WeComFoundIntake>();
        services.AddIntegrationEventHandler<CustomerLost, WeComLostIntake>();
        services.AddOutboxRelay<CustomersDbContext>();
        services.AddOptions<Ingest.IngestOptions>().Bind(configuration.GetSection(Ingest.IngestOptions.Section));
        services.AddOptions<Profiles.CustomerValueOptions>().Bind(configuration.GetSection(Profiles.CustomerValueOptions.Section));
        services.AddSingleton<Sources.WriteKeyCheck>();
        services.AddSingleton<Demo.ScaleCustomers>();
        services.AddSingleton<Ingest.IngestPressure>();
        services.AddScoped<Ingest.TrackingInbox>();
        services.AddScoped<IInboxHandler, Ingest.TrackingHandler>();
        // Browser instrumentation posts from the brand's own sites; the write key, not a cookie, is its credential.
        services.AddCors(o => o.AddPolicy(Ingest.TrackingEndpoints.CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("POST")));
        services.AddOptions<Imports.ImportOptions>().Bind(configuration.GetSection(Imports.ImportOptions.Section));
        services.AddScoped<Imports.ImportFiles>();
        services.AddScoped<Imports.ImportPlans>();
        services.AddScoped<Imports.ImportRowWriter>();
        services.AddScoped<Imports.ImportRun>();
        services.AddSingleton<Imports.ImportSignal>();
        services.AddHostedService<Imports.ImportWorker>();
        services.AddHealthChecks().AddDbContextCheck<CustomersDbContext>("customers-db", tags: ["ready"]);
        return services;
    }

    /// <summary>In demo mode: the demo brand gets its customers through the tracking API's accept path, in the background.</summary>
    public static IServiceCollection AddCustomersDemo(this IServiceCollection services, Demo.DemoTenant demoTenant, Demo.DemoWeComContacts contacts) =>
        services.AddSingleton(demoTenant).AddSingleton(contacts).AddHostedService<Demo.DemoCustomers>();

    public static IEndpointRouteBuilder MapCustomersEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/customers").RequireAuthorization(Platform.PlatformModule.TenantMemberPolicy).WithTags("Customers");
        Profiles.ListProfiles.Map(api);
        Profiles.GetProfile.Map(api);
        Profiles.Export.ProfileExportEndpoint.Map(api);
        Timeline.ListTimeline.Map(api);
        Profiles.ListOrders.Map(api);
        Overview.GetGrowthOverview.Map(api);
        Privacy.ExportPersonalData.Map(api);
        Privacy.ErasePerson.Map(api);
        Consent.ListConsents.Map(api);
        Consent.RecordConsent.Map(api);
        Identity.Merging.ListMerges.Map(api);
        Identity.Merging.UndoMerge.Map(api);
        Identity.Rules.ListIdentityRules.Map(api);
        Identity.Rules.SetIdentityRule.Map(api);
        Identity.Rules.MarkIdentifier.Map(api);
        Attributes.ListAttributeDefinitions.Map(api);
        Attributes.DefineAttribute.Map(api);
        Attributes.ChangeAttribute.Map(api);
        Attributes.DeleteAttribute.Map(api);
        Profiles.UpdateProfileAttributes.Map(api);
        Lifecycle.GetLifecycleThresholds.Map(api);
        Lifecycle.SetLifecycleThresholds.Map(api);
        Sources.CreateEventSource.Map(api);
        Sources.ListEventSources.Map(api);
        Sources.RevokeEventSource.Map(api);
        Imports.UploadImport.Map(api);
        Imports.ListImports.Map(api);
        Imports.GetImport.Map(api);
        Imports.PreviewImport.Map(api);
        Imports.MapImport.Map(api);
        Imports.ListImportErrors.Map(api);
        Imports.CommitImport.Map(api);
        Imports.ListImportTemplates.Map(api);
        Imports.SaveImportTemplate.Map(api);
        Ingest.TrackingEndpoints.Map(app);
        return app;
    }
}
