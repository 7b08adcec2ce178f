using System.Net;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Integration;

/// <summary>A first start on an empty database creates every module's tables and says nothing alarming while doing it.</summary>
public abstract class FreshStartTests(string provider)
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_is_ready_and_logs_no_warning_or_error()
    {
        await using var app = new WaterwheelApp(await TestDatabase.Create(provider));
        using var ready = await app.Anonymous().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(app.Log.Lines.Count == 0, string.Join("\n", app.Log.Lines));
    }
}

public sealed class FreshStartSqlite() : FreshStartTests("sqlite");

public sealed class FreshStartPostgres() : FreshStartTests("postgres");
