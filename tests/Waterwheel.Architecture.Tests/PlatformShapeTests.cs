using System.Reflection;
using Waterwheel.Platform;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.Data;

namespace Waterwheel.Architecture.Tests;

public sealed class PlatformShapeTests
{
    private static readonly Assembly Platform = typeof(PlatformModule).Assembly;

    [Fact]
    public void Entity_types_are_not_public()
    {
        using var db = new SqlitePlatformDesignFactory().CreateDbContext([]);
        var entities = db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.Assembly == Platform).Distinct().ToList();

        Assert.True(entities.Count >= 6, $"Only {entities.Count} Platform entity types found in the model.");
        Assert.Contains(typeof(StaffAccount), entities);
        var exposed = entities.Where(t => t != typeof(StaffAccount) && (t.IsPublic || t.IsNestedPublic)).Select(t => t.FullName);
        Assert.Empty(exposed);
    }

    [Fact]
    public void Use_case_classes_with_a_Handle_method_are_sealed()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var useCases = Platform.GetTypes().Where(t => t.IsClass && t.GetMethods(all).Any(m => m.Name == "Handle")).ToList();

        Assert.True(useCases.Count >= 20, $"Only {useCases.Count} use cases found.");
        Assert.Empty(useCases.Where(t => !t.IsSealed).Select(t => t.FullName));
    }
}
