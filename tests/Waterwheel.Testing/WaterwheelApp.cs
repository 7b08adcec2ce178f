using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Waterwheel.Testing;

/// <summary>
/// The real Waterwheel server, booted in-process against a real database of the given provider. Demo mode is off:
/// the first tenant ("alpha") comes from the bootstrap settings, as in production. <paramref name="services"/> replaces
/// services after the app registered its own (a fake clock, a test handler).
/// </summary>
public class WaterwheelApp(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string AdminUser = "alpha-admin";
    public const string AdminPassword = "Alpha-admin-pass-1";

    private readonly string _keyFolder = Directory.CreateTempSubdirectory("waterwheel-keys-").FullName;

    public TestDatabase Database => database;

    /// <summary>Leave the database in place on dispose, for a second app that restarts on it.</summary>
    public bool KeepDatabase { get; init; }

    /// <summary>The host's warnings and errors; the console stays quiet.</summary>
    public TestLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["Waterwheel:Database:Provider"] = database.Provider,
            ["Waterwheel:Database:ConnectionString"] = database.ConnectionString,
            ["Waterwheel:Database:StrictQueries"] = "true",
            ["Waterwheel:Demo:Enabled"] = "false",
            ["Waterwheel:Bootstrap:TenantName"] = "Alpha Bakery",
            ["Waterwheel:Bootstrap:TenantCode"] = "alpha",
            ["Waterwheel:Bootstrap:AdminUserName"] = AdminUser,
            ["Waterwheel:Bootstrap:AdminPassword"] = AdminPassword,
            ["Waterwheel:Bootstrap:AdminMobile"] = "13900000001",
            ["Waterwheel:Pii:KeyFile"] = Path.Combine(_keyFolder, "pii-keys.json"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Waterwheel:Logging:Console"] = "false",
            // Every test client signs in from the same (absent) address; the tests of the limit set their own.
            ["Waterwheel:SignIn:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        foreach (var (key, value) in values) builder.UseSetting(key, value);
        builder.UseContentRoot(ServerFolder());
        builder.ConfigureLogging(l => l.ClearProviders().AddProvider(Log).SetMinimumLevel(LogLevel.Warning));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>The server project's folder, found from the repository root, for hosts other than test projects (benchmarks).</summary>
    private static string ServerFolder() => Path.Combine(RepositoryRoot(), "src", "Waterwheel.Server");

    /// <summary>The repository's root (where Waterwheel.slnx is), for tests that use files kept beside the code.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Waterwheel.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find Waterwheel.slnx above " + AppContext.BaseDirectory);
    }

    /// <summary>An HTTP client with its own cookie jar, signed in as the given user.</summary>
    public async Task<HttpClient> SignedIn(string userName, string password)
    {
        var client = CreateClient(Options(handleCookies: true));
        var response = await client.PostAsJsonAsync("/api/session", new { userName, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public HttpClient Anonymous() => CreateClient(Options(handleCookies: true));

    public HttpClient WithApiKey(string token)
    {
        var client = CreateClient(Options(handleCookies: false));
        client.DefaultRequestHeaders.Add("X-Api-Key", token);
        return client;
    }

    private WebApplicationFactoryClientOptions Options(bool handleCookies) =>
        new() { AllowAutoRedirect = false, HandleCookies = handleCookies, BaseAddress = ClientOptions.BaseAddress };

    /// <summary>Runs code against the app's services in a fresh scope (for arranging data a test needs).</summary>
    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!KeepDatabase) await database.DisposeAsync();
        try { Directory.Delete(_keyFolder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
