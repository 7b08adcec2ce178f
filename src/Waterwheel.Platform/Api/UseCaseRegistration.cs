using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Api;

/// <summary>Every module registers its use cases the same way: the classes with a Handle method, and their validators.</summary>
public static class UseCaseRegistration
{
    public static IServiceCollection AddUseCasesFrom(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            // Any method named Handle, overloads included (a handler of two events has two).
            if (type.GetMethods().Any(m => m.Name == "Handle") && type.GetConstructors().Length > 0) services.AddScoped(type);
            foreach (var validator in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddSingleton(validator, type);
        }
        return services;
    }
}
