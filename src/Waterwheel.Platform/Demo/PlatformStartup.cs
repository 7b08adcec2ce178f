using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Demo;

/// <summary>
/// Runs before the server listens: migrates every module's database, then gives an empty database its first
/// tenant: the demo brand in demo mode, otherwise the one named in <c>Waterwheel:Bootstrap</c>.
/// </summary>
public static class PlatformStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        var bootstrap = configuration.GetSection(BootstrapOptions.Section).Get<BootstrapOptions>() ?? new BootstrapOptions();
        if (!demo.Enabled) RefuseDefaultPassword(bootstrap);

        foreach (var migration in services.GetServices<IModuleMigration>()) await migration.MigrateAsync(services, ct);
        await Staff.StaffMobileTails.Fill(services, ct);

        await using var scope = services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<TenantProvisioning>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformStartup));
        if (!demo.Enabled) await RefuseDemoPasswordsStillActive(scope.ServiceProvider, ct);
        if (await provisioning.AnyTenantExists(ct)) return;

        if (demo.Enabled)
        {
            var accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().Seed(demo.AdminPassword, ct);
            log.LogWarning("Demo mode: seeded the demo brand. Sign in with one of {Accounts}; password as configured in Waterwheel:Demo:AdminPassword",
                string.Join(", ", accounts.Select(a => $"{a.UserName} ({a.Role})")));
            Console.WriteLine();
            Console.WriteLine($"  Waterwheel demo is ready. Sign in as: admin / {demo.AdminPassword}");
            Console.WriteLine($"  Other demo users (same password): {string.Join(", ", accounts.Skip(1).Select(a => $"{a.UserName} ({a.Role})"))}");
            Console.WriteLine();
            return;
        }
        if (string.IsNullOrWhiteSpace(bootstrap.TenantName) || string.IsNullOrWhiteSpace(bootstrap.TenantCode) || string.IsNullOrWhiteSpace(bootstrap.AdminMobile))
            throw new InvalidOperationException("The database is empty and demo mode is off: set Waterwheel:Bootstrap:TenantName, TenantCode, AdminMobile and AdminPassword to create the first brand.");
        await provisioning.Create(new NewTenant(bootstrap.TenantName, bootstrap.TenantCode, bootstrap.AdminUserName,
            bootstrap.AdminPassword, bootstrap.AdminName, bootstrap.AdminMobile), ct);
        log.LogInformation("Created the first tenant {TenantCode} with admin {AdminUserName}", bootstrap.TenantCode, bootstrap.AdminUserName);
    }

    private static void RefuseDefaultPassword(BootstrapOptions bootstrap)
    {
        if (bootstrap.AdminPassword == DemoOptions.DefaultPassword)
            throw new InvalidOperationException("Demo mode is off, but Waterwheel:Bootstrap:AdminPassword is the demo password. Choose another.");
    }

    /// <summary>
    /// A database seeded in demo mode keeps the demo password on every demo account (and on any account made with it
    /// while in demo mode); it must not go live with any of them. Each check is one password hash, run in parallel.
    /// </summary>
    private static async Task RefuseDemoPasswordsStillActive(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var hasher = services.GetRequiredService<IPasswordHasher<StaffAccount>>();
        var accounts = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(a => a.PasswordHash != null).ToListAsync(ct);
        var holding = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(accounts, ct, (account, _) =>
        {
            if (hasher.VerifyHashedPassword(account, account.PasswordHash!, DemoOptions.DefaultPassword) != PasswordVerificationResult.Failed)
                holding.Add(account.UserName ?? account.Id.ToString());
            return ValueTask.CompletedTask;
        });
        if (!holding.IsEmpty)
            throw new InvalidOperationException(
                $"Demo mode is off, but these accounts still have the demo password: {string.Join(", ", holding.Order())}. Change their passwords, or run in demo mode.");
    }
}
