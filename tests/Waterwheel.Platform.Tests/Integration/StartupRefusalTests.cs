using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Access;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

public sealed class StartupRefusalTests
{
    [Fact]
    public async Task Outside_demo_mode_the_demo_password_for_the_bootstrap_admin_is_refused()
    {
        var database = await TestDatabase.Create("sqlite");
        await using var app = new WaterwheelApp(database, new Dictionary<string, string?>
        {
            ["Waterwheel:Demo:Enabled"] = "false",
            ["Waterwheel:Bootstrap:AdminPassword"] = "waterwheel",
        });

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error));
        Assert.Contains("Waterwheel:Bootstrap:AdminPassword is the demo password", messages);
        Assert.False(File.Exists(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource),
            "The refused start-up still created the database.");
    }

    [Fact]
    public async Task Outside_demo_mode_any_account_still_holding_the_demo_password_stops_the_start()
    {
        var database = await TestDatabase.Create("sqlite");
        await using (var demo = new WaterwheelApp(database, new Dictionary<string, string?> { ["Waterwheel:Demo:Enabled"] = "true", ["Waterwheel:WeCom:Simulator"] = "false" }) { KeepDatabase = true })
        {
            // The operator changed the admin's password, and forgot the other demo accounts.
            await demo.InScope(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<StaffAccount>>();
                var admin = (await users.FindByNameAsync("admin"))!;
                return await users.ChangePasswordAsync(admin, "waterwheel", "A-long-production-secret");
            });
        }
        await using var production = new WaterwheelApp(database);

        var error = Record.Exception(() => production.Services);

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error));
        Assert.Contains("still have the demo password", messages);
        Assert.Contains("operator", messages);
        Assert.DoesNotContain("admin,", messages);
    }

    [Fact]
    public async Task Outside_demo_mode_nobody_can_choose_the_demo_password()
    {
        await using var app = new WaterwheelApp(await TestDatabase.Create("sqlite"));
        var result = await app.InScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffAccount>>();
            var admin = (await users.FindByNameAsync(WaterwheelApp.AdminUser))!;
            return await users.ChangePasswordAsync(admin, WaterwheelApp.AdminPassword, "waterwheel");
        });
        Assert.Contains(result.Errors, e => e.Code == "PasswordIsDemoPassword");
    }

    private static IEnumerable<string> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }
}
