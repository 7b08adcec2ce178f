namespace Waterwheel.Platform.Data;

/// <summary><c>Waterwheel:Database</c>: which provider and where. The embedded default is a SQLite file.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Waterwheel:Database";

    public string Provider { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "Data Source=data/waterwheel.db";

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
}
