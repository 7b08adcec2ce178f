using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Identity;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// Segment's own Node.js library (@segment/analytics-node, installed from npm by this test) pointed at a running
/// Waterwheel: instrumentation written for Segment works unchanged, and its calls land on one profile.
/// </summary>
public abstract class SegmentLibraryTests(string provider) : IAsyncLifetime
{
    private WaterwheelApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new WaterwheelApp(await TestDatabase.Create(provider));
        _app.UseKestrel(0);
        _app.StartServer();
        _app.ClientOptions.BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Identify_track_alias_and_page_from_the_Segment_library_land_on_one_profile()
    {
        var admin = await _app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        using var created = await admin.PostAsJsonAsync("/api/customers/sources", new { name = "Node.js 服务端" });
        var writeKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("writeKey").GetString()!;

        var folder = ClientFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@segment", "analytics-node")))
            await Run("npm", "ci --no-audit --no-fund", folder);
        await Run("node", $"send.mjs {_app.ClientOptions.BaseAddress.ToString().TrimEnd('/')} {writeKey} member-42", folder);

        var profileId = Guid.Empty;
        for (var i = 0; i < 300 && profileId == Guid.Empty; i++)
        {
            profileId = await Read(tenant, async db =>
            {
                var identity = await db.Identities.FirstOrDefaultAsync(x => x.Type == IdentityType.UserId && x.Key == "member-42");
                return identity is not null && await db.Timeline.CountAsync(t => t.ProfileId == identity.ProfileId) == 6 ? identity.ProfileId : Guid.Empty;
            });
            if (profileId == Guid.Empty) await Task.Delay(50);
        }
        Assert.True(profileId != Guid.Empty, $"No profile of member-42 with six timeline lines; profiles: {await Read(tenant, db => db.Profiles.CountAsync())}, " +
            $"timeline lines: {await Read(tenant, db => db.Timeline.CountAsync())}. The server said:\n{string.Join("\n", _app.Log.Lines.TakeLast(5))}");
        var types = await Read(tenant, db => db.Identities.Where(i => i.ProfileId == profileId).Select(i => i.Type).ToListAsync());
        Assert.Equal(new[] { IdentityType.AnonymousId, IdentityType.Email, IdentityType.UserId }.Order().ToArray(), types.Order().ToArray());
        Assert.Equal(1, await Read(tenant, db => db.Profiles.CountAsync()));
        Assert.Equal("赵敏", await Read(tenant, db => db.Profiles.Select(p => p.Name).SingleAsync()));
    }

    private Task<T> Read<T>(Guid tenant, Func<CustomersDbContext, Task<T>> query) => _app.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(tenant);
        return query(sp.GetRequiredService<CustomersDbContext>());
    });

    private static string ClientFolder() => Path.Combine(WaterwheelApp.RepositoryRoot(), "tests", "Waterwheel.Customers.Tests", "SegmentClient");

    private static async Task Run(string program, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{program} did not start (is Node.js installed? ./test.sh installs it).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }
}

public sealed class SegmentLibrarySqlite() : SegmentLibraryTests("sqlite");

public sealed class SegmentLibraryPostgres() : SegmentLibraryTests("postgres");
