using System.Diagnostics;
using System.Runtime.InteropServices;
using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Engine;
using Waterwheel.Testing;

namespace Waterwheel.Audiences.Tests.RoaringInterop;

/// <summary>
/// The engine's bitmaps are in the Roaring portable format as another implementation reads it: roaring-wasm from npm
/// (installed by this test or by ./test.sh) reads what the engine wrote and writes what the engine reads.
/// </summary>
public sealed class RoaringWasmInteropTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("waterwheel-roaring-");

    /// <summary>Every container kind: a sparse array, a dense bitset, long runs, and values near 2^32.</summary>
    public static uint[] Mixed(int seed)
    {
        var random = new Random(seed);
        var values = new HashSet<uint>();
        for (var i = 0; i < 3_000; i++) values.Add((uint)random.Next(0, 1 << 24));
        for (var i = 0; i < 40_000; i++) values.Add((uint)(5 << 16) + (uint)random.Next(0, 1 << 16));
        for (uint v = 9 << 16; v < (12 << 16) + 17; v++) values.Add(v);
        values.Add(uint.MaxValue);
        values.Add(uint.MaxValue - 70_000);
        return values.Order().ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_bitmap_the_engine_wrote_reads_the_same_in_roaring_wasm(int seed)
    {
        var values = Mixed(seed);
        using var bitmap = new Roaring32Bitmap(values);
        bitmap.Optimize();
        var written = Path.Combine(_work.FullName, "engine.portable");
        await File.WriteAllBytesAsync(written, PortableBitmap.Write(bitmap));

        var read = Path.Combine(_work.FullName, "wasm.u32");
        await Node("read", written, read);
        Assert.Equal(values, MemoryMarshal.Cast<byte, uint>(await File.ReadAllBytesAsync(read)).ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task A_bitmap_roaring_wasm_wrote_reads_the_same_in_the_engine(int seed)
    {
        var values = Mixed(seed);
        var input = Path.Combine(_work.FullName, "values.u32");
        await File.WriteAllBytesAsync(input, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        var written = Path.Combine(_work.FullName, "wasm.portable");
        await Node("write", input, written);

        var read = PortableBitmap.Read(await File.ReadAllBytesAsync(written));
        Assert.True(read.IsSuccess, read.Error?.Message);
        using var bitmap = read.Value!;
        Assert.Equal(values, bitmap.ToArray());
        Assert.Equal(await File.ReadAllBytesAsync(written), PortableBitmap.Write(bitmap));
    }

    private static async Task Node(string command, string input, string output)
    {
        var folder = Path.Combine(WaterwheelApp.RepositoryRoot(), "tests", "Waterwheel.Audiences.Tests", "RoaringInterop");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "roaring-wasm")))
            await Run("npm", "ci --no-audit --no-fund", folder);
        await Run("node", $"interop.mjs {command} {input} {output}", folder);
    }

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

    public void Dispose() => _work.Delete(recursive: true);
}
