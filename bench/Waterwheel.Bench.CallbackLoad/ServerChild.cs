using System.Diagnostics;

namespace Waterwheel.Bench.CallbackLoad;

/// <summary>
/// The parent's handle on the server process: starts it, learns its address, counts the lines it logs and the CPU it
/// burns, and stops it by closing its stdin.
/// </summary>
internal sealed class ServerChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<TimeSpan> _jit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StreamWriter _log;
    private int _logLines;

    private ServerChild(Process process, string logFile) => (_process, _log, LogFile) = (process, new StreamWriter(logFile) { AutoFlush = false }, logFile);

    /// <summary>Everything the server wrote, for a look after the run.</summary>
    public string LogFile { get; }

    public string Address => _address.Task.Result;
    public int LogLines => Volatile.Read(ref _logLines);
    public TimeSpan Cpu { get { _process.Refresh(); return _process.TotalProcessorTime; } }

    public static async Task<ServerChild> Start(string provider, string simulatorUrl, string mode, int tenants)
    {
        // Started through the same host as this process: the apphost when run by `dotnet run`, or dotnet + the dll.
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(ServerChild).Assembly.Location);
        foreach (var arg in new[] { ServerProcess.Mode, provider, simulatorUrl, mode, tenants.ToString() }) info.ArgumentList.Add(arg);
        // The server project runs with Server GC (Sdk.Web's default); this console host would not unless told.
        info.Environment["DOTNET_gcServer"] = "1";

        var logFile = Path.Combine(Path.GetTempPath(), $"waterwheel-bench-server-{provider}-{mode}.log");
        var child = new ServerChild(Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process."), logFile);
        child._process.OutputDataReceived += (_, e) => child.Line(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Line(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        var ready = await Task.WhenAny(child._address.Task, child._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (ready != child._address.Task) throw new InvalidOperationException("The server process did not start.");
        return child;
    }

    private void Line(string? line)
    {
        if (line is null) return;
        if (line.StartsWith(ServerProcess.ReadyLine, StringComparison.Ordinal)) { _address.TrySetResult(line[ServerProcess.ReadyLine.Length..].Trim()); return; }
        if (line.StartsWith(ServerProcess.JitLine, StringComparison.Ordinal))
        {
            _jit.TrySetResult(TimeSpan.FromMilliseconds(double.Parse(line[ServerProcess.JitLine.Length..], System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }
        Interlocked.Increment(ref _logLines);
        lock (_log) _log.WriteLine(line);
        // Errors are worth seeing while the bench runs; the rest is only counted.
        if (line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal) || line.StartsWith("Unhandled", StringComparison.Ordinal))
            System.Console.Error.WriteLine("server: " + line);
    }

    /// <summary>How long the server's JIT compiler has worked so far (tiered compilation keeps recompiling hot code for minutes).</summary>
    public async Task<TimeSpan> JitTime()
    {
        _jit = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _process.StandardInput.WriteLineAsync(ServerProcess.JitQuery);
        await _process.StandardInput.FlushAsync();
        return await _jit.Task.WaitAsync(TimeSpan.FromSeconds(30));
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
