using System.Collections.Concurrent;
using System.Diagnostics;

namespace Waterwheel.Bench.Ingest;

/// <summary>
/// The parent's handle on the server process: starts it, learns its address, keeps what it logs in a file, reads the CPU
/// it burns from the OS, and stops it by closing its stdin.
/// </summary>
internal sealed class ServerChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StreamWriter _log;
    private readonly ConcurrentQueue<string> _profile = new();

    private ServerChild(Process process, string logFile) => (_process, _log, LogFile) = (process, new StreamWriter(logFile) { AutoFlush = false }, logFile);

    public string LogFile { get; }
    public string Address => _address.Task.Result;
    public int Pid => _process.Id;

    /// <summary>User + system CPU of the server process so far (from /proc on Linux).</summary>
    public TimeSpan Cpu { get { _process.Refresh(); return _process.TotalProcessorTime; } }

    public static async Task<ServerChild> Start(string provider, string connectionString, bool profile)
    {
        // Started through the same host as this process: the apphost when run by `dotnet run`, or dotnet + the dll.
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(ServerChild).Assembly.Location);
        foreach (var arg in new[] { ServerProcess.Mode, provider, connectionString, profile ? "profile" : "plain" }) info.ArgumentList.Add(arg);
        // The server project runs with Server GC (Sdk.Web's default); this console host would not unless told.
        info.Environment["DOTNET_gcServer"] = "1";

        var logFile = Path.Combine(Path.GetTempPath(), $"waterwheel-bench-ingest-server-{provider}.log");
        var child = new ServerChild(Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process."), logFile);
        child._process.OutputDataReceived += (_, e) => child.Line(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Line(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        var ready = await Task.WhenAny(child._address.Task, child._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        if (ready != child._address.Task) throw new InvalidOperationException($"The server process did not start; see {logFile}.");
        return child;
    }

    private void Line(string? line)
    {
        if (line is null) return;
        if (line.StartsWith(ServerProcess.ReadyLine, StringComparison.Ordinal)) { _address.TrySetResult(line[ServerProcess.ReadyLine.Length..].Trim()); return; }
        if (line.StartsWith("PROFILE ", StringComparison.Ordinal)) { _profile.Enqueue(line["PROFILE ".Length..]); return; }
        lock (_log) _log.WriteLine(line);
        if (line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal) || line.StartsWith("Unhandled", StringComparison.Ordinal))
            System.Console.Error.WriteLine("server: " + line);
    }

    public async Task Send(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The profile lines the server printed since the last call (asks for them, then waits for them to stop coming).</summary>
    public async Task<IReadOnlyList<string>> Profile()
    {
        await Send("report");
        var lines = new List<string>();
        var quiet = 0;
        while (quiet < 10)
        {
            await Task.Delay(100);
            var any = false;
            while (_profile.TryDequeue(out var line)) { lines.Add(line); any = true; }
            quiet = any ? 0 : quiet + 1;
        }
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.StandardInput.Close(); } catch (IOException) { }
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60))) != exited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
