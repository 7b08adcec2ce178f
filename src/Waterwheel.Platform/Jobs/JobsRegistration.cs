using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Jobs;

internal static class JobsRegistration
{
    /// <summary>
    /// PostgreSQL is the cluster's meeting point, so its advisory locks guard once-per-cluster work; a SQLite file
    /// belongs to one process, where an in-process lock is the same guarantee.
    /// </summary>
    public static IServiceCollection AddClusterJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.IsPostgres) services.AddSingleton<IClusterLock>(new PostgresClusterLock(database.ConnectionString));
        else services.AddSingleton<IClusterLock, ProcessClusterLock>();
        services.Configure<RecurringJobOptions>(configuration.GetSection(RecurringJobOptions.Section));
        services.AddSingleton<RecurringJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<RecurringJobRunner>());
        return services;
    }
}
