using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Waterwheel.Architecture.Tests;

/// <summary>What every module looks like inside: its tables stay its own, its use cases are sealed.</summary>
public sealed class ModuleShapeTests
{
    /// <summary>Mapped types that must be public, and why.</summary>
    private static readonly Dictionary<string, string> PublicEntities = new()
    {
        // ASP.NET Identity's UserManager<TUser> and the host's sign-in wiring name the user type.
        ["Waterwheel.Platform.Access.StaffAccount"] = "ASP.NET Identity user",
        // Each module maps Platform's outbox row into its own schema, so the type crosses assemblies.
        ["Waterwheel.Platform.Messaging.OutboxMessage"] = "outbox row each module maps",
    };

    [Theory]
    [MemberData(nameof(Modules.Names), MemberType = typeof(Modules))]
    public void Entity_types_are_not_public(string module)
    {
        var entities = MappedTypes(Modules.Named(module));

        var exposed = entities.Where(t => (t.IsPublic || t.IsNestedPublic) && !PublicEntities.ContainsKey(t.FullName!)).Select(t => t.FullName);
        Assert.Empty(exposed);
    }

    [Fact]
    public void Every_module_with_data_is_seen_by_the_entity_rule()
    {
        Assert.Contains(typeof(Platform.Access.StaffAccount), MappedTypes(Modules.Named(Modules.Platform)));
        Assert.True(MappedTypes(Modules.Named("Waterwheel.WeCom")).Count >= 10);
    }

    [Fact]
    public void Use_case_classes_with_a_Handle_method_are_sealed()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var useCases = Modules.All.SelectMany(m => m.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.GetMethods(all).Any(m => m.Name == "Handle")).ToList();

        Assert.True(useCases.Count >= 20, $"Only {useCases.Count} use cases found.");
        Assert.Empty(useCases.Where(t => !t.IsSealed).Select(t => t.FullName));
    }

    /// <summary>Every Waterwheel type the module's DbContexts map, built the way the EF tools build them (no database needed).</summary>
    private static List<Type> MappedTypes(Assembly module)
    {
        var factories = module.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)));
        var types = new HashSet<Type>();
        foreach (var factory in factories)
        {
            var create = factory.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))
                .GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!;
            using var db = (DbContext)create.Invoke(Activator.CreateInstance(factory, nonPublic: true), [Array.Empty<string>()])!;
            types.UnionWith(db.Model.GetEntityTypes().Select(e => e.ClrType)
                // Framework types (Identity's claims, Data Protection's keys) are the framework's business.
                .Where(t => t.Assembly.GetName().Name!.StartsWith("Waterwheel.", StringComparison.Ordinal)));
        }
        return [.. types];
    }
}
