using Microsoft.Data.Sqlite;
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

    private static IEnumerable<string> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }
}
