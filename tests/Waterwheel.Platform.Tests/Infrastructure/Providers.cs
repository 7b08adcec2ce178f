namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>Names a database provider as a type, so one abstract test class runs once per provider.</summary>
public interface IProvider
{
    static abstract string Name { get; }
}

public sealed class Sqlite : IProvider
{
    public static string Name => "sqlite";
}

public sealed class Postgres : IProvider
{
    public static string Name => "postgres";
}
