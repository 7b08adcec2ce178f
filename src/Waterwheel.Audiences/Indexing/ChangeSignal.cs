using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences.Indexing;

/// <summary>Wakes this node's tail when a change-log row was committed, on any node; the poll stays as the floor.</summary>
internal sealed class ChangeSignal : WakeSignal
{
    /// <summary>The PostgreSQL channel writers notify in the transaction that appends to the change log (sent at its commit).</summary>
    public const string Channel = "audiences_changes";
}

/// <summary>
/// On PostgreSQL, listens on <see cref="ChangeSignal.Channel"/> over a connection of its own and wakes the tail at once,
/// so a change reaches this node's counts in milliseconds rather than a poll. A lost connection costs only the poll's
/// 200 ms until it is listening again.
/// </summary>
internal sealed class ChangeListener(string connectionString, ChangeSignal signal, ILogger<ChangeListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeSignal.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Listening for audience changes failed; the tail polls until listening again");
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
