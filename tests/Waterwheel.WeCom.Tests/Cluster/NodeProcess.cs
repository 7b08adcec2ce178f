using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Waterwheel.WeCom.Tests.Cluster;

/// <summary>
/// One Waterwheel server as a real operating-system process, started from the build output as an operator would run
/// it: its own port, configuration from environment variables. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }
    public bool Running => !_process.HasExited;

    /// <summary>What the node printed, for a failing test's report.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<NodeProcess> Start(string name, int port, IDictionary<string, string> settings)
    {
        var server = ServerAssembly();
        var info = new ProcessStartInfo("dotnet", [server])
        {
            WorkingDirectory = Path.GetDirectoryName(server)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new NodeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => node.Append(name, e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitReady();
        return node;
    }

    private void Append(string name, string? line)
    {
        if (line is null) return;
        lock (_output) _output.Append(name).Append(": ").AppendLine(line);
    }

    private async Task WaitReady()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("readyz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The node did not become ready:\n{Output}");
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a pulled plug would end it.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await Kill();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var socket = new TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>The server's build output in the test's configuration (the solution is built before the tests run).</summary>
    private static string ServerAssembly()
    {
        var output = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);   // …/bin/<Configuration>/net10.0
        var configuration = Path.GetFileName(Path.GetDirectoryName(output))!;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Waterwheel.slnx")))
            {
                var path = Path.Combine(dir.FullName, "src", "Waterwheel.Server", "bin", configuration, "net10.0", "Waterwheel.Server.dll");
                return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution before the cluster tests.", path);
            }
        throw new InvalidOperationException("Cannot find Waterwheel.slnx above " + AppContext.BaseDirectory);
    }
}
