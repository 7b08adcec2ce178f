using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration.Inbox;

/// <summary>
/// Under load, handlers hold the connection pool; the inbox writer keeps a connection of its own, so that a sender
/// waiting for its accept does not queue behind them.
/// </summary>
public sealed class InboxWriterConnectionTests(InboxFixture<Postgres> fixture) : IClassFixture<InboxFixture<Postgres>>
{
    [Fact]
    public async Task An_accept_is_stored_while_every_pooled_connection_is_taken()
    {
        Assert.Equal(InboxAcceptance.Accepted, await fixture.Accept("before-" + Guid.NewGuid().ToString("N")));
        var connectionString = fixture.App.Services.GetRequiredService<IConfiguration>()["Waterwheel:Database:ConnectionString"]!;
        var poolSize = new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;
        var held = new List<NpgsqlConnection>();
        try
        {
            // The app's contexts draw from this same pool (one pool per connection string): open what is left of it.
            for (var i = 0; i < poolSize; i++)
            {
                var connection = new NpgsqlConnection(connectionString);
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await connection.OpenAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    await connection.DisposeAsync();
                    break;
                }
                held.Add(connection);
            }

            var accepted = await fixture.Accept("during-" + Guid.NewGuid().ToString("N")).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(InboxAcceptance.Accepted, accepted);
        }
        finally
        {
            foreach (var connection in held) await connection.DisposeAsync();
        }
    }
}
