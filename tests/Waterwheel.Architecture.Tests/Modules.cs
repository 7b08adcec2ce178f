using System.Reflection;

namespace Waterwheel.Architecture.Tests;

/// <summary>
/// The modules, found by name among the Waterwheel assemblies next to the tests (the host references every module,
/// so every module is copied here): a new module is judged by every rule the day the host composes it.
/// </summary>
internal static class Modules
{
    public const string Platform = "Waterwheel.Platform";
    public const string Host = "Waterwheel.Server";
    public const string Console = "Waterwheel.Console";
    public const string Simulator = "Waterwheel.WeCom.Simulator";

    // Everything else named Waterwheel.* is a module: the host, the UI, the simulator and test or bench code are not.
    public static readonly string[] NotModules = [Host, Console, Simulator, "Waterwheel.Testing"];

    public static readonly IReadOnlyList<Assembly> All = Directory.GetFiles(AppContext.BaseDirectory, "Waterwheel.*.dll")
        .Select(path => Path.GetFileNameWithoutExtension(path))
        .Where(name => !NotModules.Contains(name) && !name.EndsWith(".Tests", StringComparison.Ordinal)
                       && !name.StartsWith("Waterwheel.Bench", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(name => Assembly.Load(name))
        .ToList();

    public static TheoryData<string> Names => new(All.Select(a => a.GetName().Name!));

    public static Assembly Named(string name) => All.Single(a => a.GetName().Name == name);
}
