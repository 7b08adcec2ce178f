using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace Waterwheel.Architecture.Tests;

/// <summary>
/// Who may use whom. A module reaches another only through its Contracts (façade, integration events, DTOs); every
/// module stands on Platform's public types; nothing knows the host; the UI never touches a module's data; the
/// simulator speaks only the wire.
/// </summary>
public sealed class ModuleDependencyTests
{
    private static string Offenders(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);

    private static string Name(Assembly a) => a.GetName().Name!;

    [Fact]
    public void The_rules_find_the_modules_by_name()
    {
        var names = Modules.All.Select(Name).ToList();
        Assert.Contains(Modules.Platform, names);
        Assert.Contains("Waterwheel.WeCom", names);
        Assert.Contains("Waterwheel.Customers", names);
        Assert.Contains("Waterwheel.Acquisition", names);
        Assert.DoesNotContain(Modules.Host, names);
        Assert.DoesNotContain(Modules.Simulator, names);
    }

    [Fact]
    public void Every_project_under_src_is_judged_as_a_module_or_named_as_not_one()
    {
        // A module the host does not compose yet reaches this folder only if the tests reference it: fail until they do.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Waterwheel.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var projects = Directory.GetDirectories(Path.Combine(root.FullName, "src")).Select(Path.GetFileName).ToList();
        var judged = Modules.All.Select(Name).Concat(Modules.NotModules).ToHashSet();
        Assert.DoesNotContain(projects, p => !judged.Contains(p!));
        Assert.Contains("Waterwheel.Audiences", projects);
    }

    [Theory]
    [MemberData(nameof(Modules.Names), MemberType = typeof(Modules))]
    public void A_module_uses_another_modules_types_only_from_its_Contracts(string module)
    {
        // Platform is the ground every module stands on: its public types are meant for them.
        var others = Modules.All.Select(Name).Where(n => n != module && n != Modules.Platform);

        var offending = UsedOutsideContracts(Modules.Named(module), others);

        Assert.True(offending.Count == 0, $"{module} uses these types of other modules outside their Contracts: {string.Join(", ", offending)}");
    }

    /// <summary>
    /// The types of <paramref name="others"/> that <paramref name="user"/> refers to outside their Contracts namespace,
    /// read from its metadata: every type an assembly names from another one is in its type reference table.
    /// </summary>
    private static List<string> UsedOutsideContracts(Assembly user, IEnumerable<string> others)
    {
        var targets = others.ToHashSet();
        using var definition = ModuleDefinition.ReadModule(user.Location);
        return definition.GetTypeReferences()
            .Select(t => (Assembly: AssemblyOf(t), Namespace: NamespaceOf(t), t.FullName))
            .Where(t => t.Assembly is not null && targets.Contains(t.Assembly)
                        && t.Namespace != $"{t.Assembly}.Contracts" && !t.Namespace.StartsWith($"{t.Assembly}.Contracts.", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Modules.Names), MemberType = typeof(Modules))]
    public void A_module_lets_no_other_module_see_its_internals(string module)
    {
        var friends = Modules.Named(module).GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0].Trim());

        Assert.Empty(friends.Intersect(Modules.All.Select(Name)));
    }

    [Fact]
    public void Platform_references_no_other_module_nor_the_host_nor_the_console()
    {
        var platform = Modules.Named(Modules.Platform);
        string[] forbidden = [.. Modules.All.Select(Name).Where(n => n != Modules.Platform), Modules.Host, Modules.Console];

        Assert.Empty(platform.GetReferencedAssemblies().Select(a => a.Name).Intersect(forbidden));
        var result = Types.InAssembly(platform).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"Platform types that use another module, the host or the console: {Offenders(result)}");
    }

    [Fact]
    public void Nothing_but_tests_references_the_host()
    {
        var assemblies = Modules.All.Append(Assembly.Load(Modules.Console)).Append(Assembly.Load(Modules.Simulator));

        foreach (var assembly in assemblies)
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name == Modules.Host);
    }

    [Fact]
    public void The_console_uses_no_modules_data_nor_EF_Core()
    {
        var console = Assembly.Load(Modules.Console);
        string[] data = [.. Modules.All.Select(m => $"{Name(m)}.Data"), "Microsoft.EntityFrameworkCore"];

        var result = Types.InAssembly(console).ShouldNot().HaveDependencyOnAny(data).GetResult();

        Assert.True(result.IsSuccessful, $"Console types that use a module's DbContext or EF Core: {Offenders(result)}");
        Assert.DoesNotContain(console.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_simulator_references_no_Waterwheel_assembly()
    {
        // It stands in for WeCom: sharing the receiver's code would let one bug on both sides of the wire cancel out.
        var simulator = Assembly.Load(Modules.Simulator);

        Assert.DoesNotContain(simulator.GetReferencedAssemblies(), a => a.Name!.StartsWith("Waterwheel.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_see_the_dependencies_they_judge()
    {
        // Guards against a vacuous pass: the same searches do find dependencies that exist.
        var platform = Modules.Named(Modules.Platform);
        Assert.False(Types.InAssembly(platform).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Assembly.Load(Modules.Console)).ShouldNot().HaveDependencyOn(Modules.Platform).GetResult().IsSuccessful);
        // The console is no module and may call WeCom's use cases: the Contracts rule does see that use.
        Assert.NotEmpty(UsedOutsideContracts(Assembly.Load(Modules.Console), ["Waterwheel.WeCom"]));
        Assert.NotEmpty(UsedOutsideContracts(Modules.Named("Waterwheel.WeCom"), [Modules.Platform]));
    }

    /// <summary>The assembly a referenced type lives in (a nested type's scope is its outer type's).</summary>
    private static string? AssemblyOf(TypeReference type) => type.Scope switch
    {
        AssemblyNameReference assembly => assembly.Name,
        _ => type.DeclaringType is { } outer ? AssemblyOf(outer) : null,
    };

    private static string NamespaceOf(TypeReference type) => type.DeclaringType is { } outer ? NamespaceOf(outer) : type.Namespace;
}
