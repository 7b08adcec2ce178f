using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Audiences.Counting;
using Waterwheel.Audiences.Indexing;
using Waterwheel.Audiences.Members;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences;

/// <summary>The Audiences module's one door: tags, segments and packs over a per-node bitmap index of the customers (ADR 13).</summary>
public static class AudiencesModule
{
    public static IServiceCollection AddAudiences(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AudiencesDbContext, SqliteAudiencesDbContext, PostgresAudiencesDbContext>(configuration, AudiencesDbContext.Schema);
        services.AddUseCasesFrom(typeof(AudiencesModule).Assembly);
        services.AddOptions<AudienceOptions>().Bind(configuration.GetSection(AudienceOptions.Section));
        services.AddSingleton<AudienceIndexes>();
        services.AddSingleton<IndexBuilder>();
        services.AddSingleton<ChangeApplier>();
        services.AddHostedService<IndexTail>();
        services.AddSingleton<ChangeSignal>();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.IsPostgres)
            services.AddHostedService(sp => new ChangeListener(database.ConnectionString, sp.GetRequiredService<ChangeSignal>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ChangeListener>>()));
        services.AddSingleton<MemberBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<MemberBackfill>());
        services.AddScoped<MemberWriter>();
        services.AddScoped<PersonVisibility>();
        services.AddScoped<Tags.TagWriter>();
        services.AddScoped<Tags.TenantTags>();
        services.AddScoped<Contracts.ICustomerTagging, Tags.CustomerTagging>();
        services.AddScoped<SegmentInput>();
        services.AddScoped<Tags.RuleInput>();
        services.AddScoped<ActorAudience>();
        services.AddScoped<SavedSegments.SegmentViews>();
        services.AddScoped<MemberLookup>();
        services.AddScoped<WeComSync.WeComTagMirror>();
        services.AddScoped<WeComSync.CustomerWeComTags>();
        services.AddIntegrationEventHandler<CustomerProfilesChanged, ProfileChangedIntake>();
        services.AddIntegrationEventHandler<WeCom.Contracts.CorpTagGroupChanged, WeComSync.CorpTagGroupIntake>();
        services.AddIntegrationEventHandler<WeCom.Contracts.CorpTagChanged, WeComSync.CorpTagIntake>();
        services.AddIntegrationEventHandler<WeCom.Contracts.CustomerTagsChanged, WeComSync.CustomerWeComTagsIntake>();
        services.AddOutboxRelay<AudiencesDbContext>();
        services.AddIntegrationEventHandler<WeComSync.WeComMarksWanted, WeComSync.WeComMarksPush>();
        services.AddIntegrationEventHandler<WeComSync.WeComGroupWanted, WeComSync.WeComGroupPush>();
        services.AddIntegrationEventHandler<WeComSync.WeComTagDeletionWanted, WeComSync.WeComTagDeletionPush>();
        services.AddRecurringJob<ChangeRetention>("audiences.change-retention", TimeSpan.FromHours(1));
        services.AddRecurringJob<Tags.TagExpiry>("audiences.tag-expiry", TimeSpan.FromMinutes(10));
        services.AddScoped<Membership.TenantMembership>();
        var membership = configuration.GetSection(AudienceOptions.Section).Get<AudienceOptions>()?.MembershipInterval ?? new AudienceOptions().MembershipInterval;
        services.AddRecurringJob<Membership.MembershipTracker>("audiences.membership", membership);
        services.AddHealthChecks().AddDbContextCheck<AudiencesDbContext>("audiences-db", tags: ["ready"]);
        return services;
    }

    /// <summary>In demo mode: the demo brand gets the tags and segments its operators would have made.</summary>
    public static IServiceCollection AddAudiencesDemo(this IServiceCollection services, Demo.AudiencesDemoTenant demoTenant) =>
        services.AddSingleton(demoTenant).AddHostedService<Demo.AudiencesDemo>();

    public static IEndpointRouteBuilder MapAudiencesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audiences").RequireAuthorization(Platform.PlatformModule.TenantMemberPolicy).WithTags("Audiences");
        CountSegment.Map(api);
        ListSegmentFields.Map(api);
        Tags.ListTagGroups.Map(api);
        Tags.CreateTagGroup.Map(api);
        Tags.UpdateTagGroup.Map(api);
        Tags.DeleteTagGroup.Map(api);
        Tags.ListTags.Map(api);
        Tags.GetTag.Map(api);
        Tags.CreateTag.Map(api);
        Tags.UpdateTag.Map(api);
        Tags.DeleteTag.Map(api);
        Tags.ListCustomerTags.Map(api);
        Tags.ListTagHistory.Map(api);
        Tags.TagCustomer.Map(api);
        Tags.BulkTag.Map(api);
        Tags.TagUpload.Map(api);
        SavedSegments.ListSegments.Map(api);
        SavedSegments.GetSegment.Map(api);
        SavedSegments.CreateSegment.Map(api);
        SavedSegments.UpdateSegment.Map(api);
        SavedSegments.DeleteSegment.Map(api);
        Packs.ListPacks.Map(api);
        Packs.GetPack.Map(api);
        Packs.FreezePack.Map(api);
        Packs.ExportPack.Map(api);
        return app;
    }
}
