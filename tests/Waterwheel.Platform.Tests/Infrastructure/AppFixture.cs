using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>
/// One booted app (and one fresh database) per test class and provider, with tenant A's HQ admin signed in.
/// The two-tenant world is arranged on first use through the real HTTP API.
/// </summary>
public sealed class AppFixture<TProvider> : IAsyncLifetime where TProvider : IProvider
{
    private readonly Lazy<Task<World>> _world;

    public AppFixture() => _world = new Lazy<Task<World>>(() => Worlds.Build(App, AdminA));

    public WaterwheelApp App { get; private set; } = null!;

    /// <summary>Tenant A's bootstrap HQ admin.</summary>
    public HttpClient AdminA { get; private set; } = null!;

    public string Provider => TProvider.Name;

    public Task<World> World() => _world.Value;

    public async Task InitializeAsync()
    {
        App = new WaterwheelApp(await TestDatabase.Create(TProvider.Name));
        AdminA = await App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
    }

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
    }
}
