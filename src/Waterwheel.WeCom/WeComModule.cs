using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Data;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Handling;
using Waterwheel.WeCom.Callbacks.Receiver;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Sync;

namespace Waterwheel.WeCom;

/// <summary>The WeCom module's one door: each tenant's connection to its corp, callbacks, contacts and relations.</summary>
public static class WeComModule
{
    public const string ConfigurationSection = "Waterwheel:WeCom";

    /// <summary>Registers the module; the returned builder is the WeCom HTTP client's, for hosts that route it elsewhere.</summary>
    public static IHttpClientBuilder AddWeCom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WeComDbContext, SqliteWeComDbContext, PostgresWeComDbContext>(configuration, WeComDbContext.Schema);
        services.AddUseCasesFrom(typeof(WeComModule).Assembly);
        services.AddMemoryCache();
        services.AddSingleton<TenantCorps>();
        services.AddSingleton<IWeComConnections, WeComConnections>();
        services.AddSingleton<Contracts.IWeComDirectory, Facade.WeComDirectory>();
        services.AddSingleton<Contracts.IWeComTags, Facade.WeComTags>();
        services.AddSingleton<Contracts.IWeComContactWays, Facade.WeComContactWays>();
        services.AddScoped<Facade.ContactWays.ContactWayCalls>();
        services.AddSingleton<Contracts.IWeComJoinWays, Facade.WeComJoinWays>();
        services.AddScoped<Facade.JoinWays.JoinWayCalls>();
        services.AddScoped<Facade.Tags.TagPlan>();
        services.AddScoped<ContactRefresh>();
        services.AddScoped<RemoteContacts>();
        services.AddScoped<WelcomeSender>();
        services.AddScoped<RelationEnding>();
        services.AddScoped<PeopleInView>();
        services.AddScoped<Lists.ListFiles>();
        services.AddScoped<IInboxHandler, WeComCallbackHandler>();
        services.AddWeComEventHandler<ExternalContactAdded, Contacts.Events.ContactAddedHandler>();
        services.AddWeComEventHandler<ExternalContactEdited, Contacts.Events.ContactEditedHandler>();
        services.AddWeComEventHandler<ExternalContactDeletedByStaff, Contacts.Events.StaffRemovedCustomerHandler>();
        services.AddWeComEventHandler<FollowUserDeleted, Contacts.Events.CustomerRemovedStaffHandler>();
        services.AddWeComEventHandler<TransferFailed, Contacts.Events.TransferFailedHandler>();
        services.AddOutboxRelay<WeComDbContext>();
        services.AddIntegrationEventHandler<Platform.Contracts.PersonErased, Contacts.Events.ErasedPersonHandler>();
        services.AddWeComEventHandler<ExternalChatCreated, Groups.Events.GroupCreatedHandler>();
        services.AddWeComEventHandler<ExternalChatUpdated, Groups.Events.GroupUpdatedHandler>();
        services.AddWeComEventHandler<ExternalChatDismissed, Groups.Events.GroupDismissedHandler>();
        services.AddWeComEventHandler<ExternalTagChanged, Tags.Events.CorpTagChangedHandler>();
        services.AddScoped<Groups.GroupRefresh>();
        services.AddScoped<Groups.GroupMemberDelta>();
        services.AddScoped<Tags.CorpTagRefresh>();
        services.AddScoped<Tags.CustomerTags>();
        services.AddScoped<Tags.CorpTagAnnouncer>();
        services.AddScoped<Tags.CorpTagNames>();
        services.AddScoped<Tags.CorpTagMirror>();
        services.AddScoped<Sync.SyncRunStep>();
        services.AddSyncPhase<Staff.StaffSyncStep>(SyncPhase.Staff);
        services.AddSyncPhase<Tags.CorpTagSyncStep>(SyncPhase.CorpTags);
        services.AddSyncPhase<Sync.CustomerSyncStep>(SyncPhase.Customers);
        services.AddSyncPhase<Sync.GroupSyncStep>(SyncPhase.Groups);
        services.AddSyncPhase<Sync.ReconcileStep>(SyncPhase.Reconcile);
        services.AddSingleton<Sync.SyncDriver>();
        services.AddSingleton<Sync.SyncWorker>();
        // Tests that drive syncs by hand turn off both the worker and the daily schedule that would start runs beside them.
        if (configuration.GetValue("Waterwheel:WeCom:RunSync", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<Sync.SyncWorker>());
            services.AddRecurringJob<Sync.ReconciliationSchedule>("wecom.reconciliation-schedule", TimeSpan.FromMinutes(1));
        }
        services.AddHealthChecks().AddDbContextCheck<WeComDbContext>("wecom-db", tags: ["ready"]);
        return services.AddWeComClient(configuration.GetSection(ConfigurationSection));
    }

    public static IEndpointRouteBuilder MapWeComEndpoints(this IEndpointRouteBuilder app)
    {
        CallbackEndpoints.Map(app);
        var api = app.MapGroup("/api/wecom").RequireAuthorization(Platform.PlatformModule.TenantMemberPolicy).WithTags("WeCom");
        GetConnection.Map(api);
        SaveConnection.Map(api);
        TestConnection.Map(api);
        Contacts.GetRelationSummary.Map(api);
        Contacts.ListRelations.Map(api);
        Sync.StartCustomerSync.Map(api);
        Sync.ListSyncRuns.Map(api);
        Alerts.ListRelationAlerts.Map(api);
        Alerts.HandleRelationAlert.Map(api);
        Groups.ListGroups.Map(api);
        Groups.ListGroupMembers.Map(api);
        Tags.ListCorpTags.Map(api);
        Staff.ListWeComMembers.Map(api);
        return app;
    }
}
