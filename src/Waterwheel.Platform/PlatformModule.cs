using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.ApiKeys;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Caching;
using Waterwheel.Platform.Demo;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform;

/// <summary>The Platform module's one door: tenancy, organisation, access, audit and PII protection.</summary>
public static class PlatformModule
{
    public const string TenantMemberPolicy = "tenant-member";

    /// <summary>The header that carries an API key; the host names it in the OpenAPI document.</summary>
    public const string ApiKeyHeader = ApiKeyAuthenticationHandler.Header;
    private const string SmartScheme = "Waterwheel";

    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        FieldNames.Use();
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ActorContext>();
        services.AddSharedCache(configuration);
        services.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgresPlatformDbContext>(configuration, PlatformDbContext.Schema);

        var pii = configuration.GetSection(PiiOptions.Section).Get<PiiOptions>() ?? new PiiOptions();
        services.AddSingleton(_ => PiiKeyRing.Load(pii));
        services.AddSingleton<FieldEncryptor>();
        services.AddSingleton<KeyedHasher>();

        services.AddDataProtection().SetApplicationName("Waterwheel").PersistKeysToDbContext<PlatformDbContext>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<FieldEncryptor>((o, encryptor) => o.XmlEncryptor = new KeyRingXmlEncryptor(encryptor));
        AddAccess(services);
        SignInLimit.Add(services, configuration);
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<Exports>();
        services.AddScoped<ListExport>();
        services.AddScoped<Tenancy.ITenantZone, Tenancy.TenantZone>();
        services.AddScoped(sp => new TenantProvisioning(sp.GetRequiredService<PlatformDbContext>(),
            sp.GetRequiredService<UserManager<StaffAccount>>(), sp.GetRequiredService<FieldEncryptor>(),
            sp.GetRequiredService<KeyedHasher>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IOrganisationDirectory, Organisation.OrganisationDirectory>();
        services.Configure<InboxOptions>(configuration.GetSection(InboxOptions.Section));
        services.AddSingleton<InboxSignal>();
        services.AddSingleton(sp => new AcceptPressure(sp.GetRequiredService<IOptions<InboxOptions>>()));
        services.AddSingleton<InboxWriter>();
        services.AddScoped<IInbox, Inbox>();
        services.AddScoped<IInboxBacklog, InboxBacklog>();
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        services.AddClusterJobs(configuration);
        services.AddRecurringJob<InboxRetention>("platform.inbox-retention", TimeSpan.FromHours(1));
        services.AddUseCasesFrom(typeof(PlatformModule).Assembly);

        services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("platform-db", tags: ["ready"]);
        return services;
    }

    private static void AddAccess(IServiceCollection services)
    {
        services.AddIdentityCore<StaffAccount>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<NotTheDemoPassword>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        services.AddScoped<ISessionValidity, SessionValidity>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.TokenOf(context.Request) is null ? IdentityConstants.ApplicationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "waterwheel.session";
            // Secure whenever the request is HTTPS, including behind a TLS proxy (X-Forwarded-Proto, see ProxyHeaders).
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/forbidden";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // APIs answer 401/403; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionValidity.ValidateCookie;
        });

        services.AddAuthorizationBuilder().AddPolicy(TenantMemberPolicy, p => p.RequireAuthenticatedUser().RequireClaim(WaterwheelClaims.Tenant));
        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
                o.AddPolicy(permission, p => p.RequireClaim(WaterwheelClaims.Tenant)
                    .RequireAssertion(c => PermissionCheck.Granted(c.User, permission)));
        });
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Whether the request authenticates with an API key (no ambient credential a browser would add), not the session cookie.</summary>
    public static bool IsApiKeyRequest(Microsoft.AspNetCore.Http.HttpRequest request) => ApiKeyAuthenticationHandler.TokenOf(request) is not null;

    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        SessionEndpoints.Map(app);
        var api = app.MapGroup("/api/platform").RequireAuthorization(TenantMemberPolicy).WithTags("Platform");
        GetMe.Map(api);
        ListRoles.Map(api);
        Organisation.GetOrganisationSummary.Map(api);
        Organisation.ListOrgUnits.Map(api);
        Organisation.GetOrgUnit.Map(api);
        Organisation.CreateOrgUnit.Map(api);
        Organisation.UpdateOrgUnit.Map(api);
        Organisation.SetCustomerSharing.Map(api);
        Stores.ListStores.Map(api);
        Stores.GetStore.Map(api);
        Stores.CreateStore.Map(api);
        Stores.UpdateStore.Map(api);
        Stores.SetStoreStatus.Map(api);
        Staff.ListStaff.Map(api);
        Staff.GetStaff.Map(api);
        Staff.CreateStaff.Map(api);
        Staff.UpdateStaff.Map(api);
        Staff.MarkStaffLeft.Map(api);
        Staff.RevealStaffMobile.Map(api);
        CreateStaffAccount.Map(api);
        ListApiKeys.Map(api);
        CreateApiKey.Map(api);
        RevokeApiKey.Map(api);
        SearchAudit.Map(api);
        Exports.Map(api);
        Tenancy.GetTenantTimeZone.Map(api);
        Tenancy.SetTenantTimeZone.Map(api);
        return app;
    }
}
