using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Data;

/// <summary>Brings one module's database up to date at start-up.</summary>
public interface IModuleMigration
{
    Task MigrateAsync(IServiceProvider services, CancellationToken ct);
}

internal sealed class ModuleMigration<TContext> : IModuleMigration where TContext : DbContext
{
    public async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(ct);
    }
}
