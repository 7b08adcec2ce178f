using System.Reflection;
using NetArchTest.Rules;
using Waterwheel.Console;
using Waterwheel.Platform;

namespace Waterwheel.Architecture.Tests;

/// <summary>Platform knows no host and no UI; the console reaches data only through Platform's use cases.</summary>
public sealed class ModuleDependencyTests
{
    private static readonly Assembly Platform = typeof(PlatformModule).Assembly;
    private static readonly Assembly Console = typeof(ConsoleModule).Assembly;

    private static string Offenders(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);

    [Fact]
    public void Platform_does_not_depend_on_the_console_or_the_server()
    {
        var result = Types.InAssembly(Platform).ShouldNot().HaveDependencyOnAny("Waterwheel.Console", "Waterwheel.Server").GetResult();

        Assert.True(result.IsSuccessful, $"Platform types that use the console or the server: {Offenders(result)}");
        Assert.DoesNotContain(Platform.GetReferencedAssemblies(), a => a.Name is "Waterwheel.Console" or "Waterwheel.Server");
    }

    [Fact]
    public void Console_does_not_use_Platform_data_nor_EF_Core()
    {
        var result = Types.InAssembly(Console).ShouldNot().HaveDependencyOnAny("Waterwheel.Platform.Data", "Microsoft.EntityFrameworkCore").GetResult();

        Assert.True(result.IsSuccessful, $"Console types that use the DbContext or EF Core: {Offenders(result)}");
        Assert.DoesNotContain(Console.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_see_the_types_they_judge()
    {
        // Guards against a vacuous pass: the same rule does catch a dependency that exists.
        Assert.False(Types.InAssembly(Platform).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Console).ShouldNot().HaveDependencyOn("Waterwheel.Platform").GetResult().IsSuccessful);
    }
}
