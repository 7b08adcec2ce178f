namespace Waterwheel.Platform.Data;

/// <summary><c>Waterwheel:Database</c>: which provider and where. The embedded default is a SQLite file.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Waterwheel:Database";

    public string Provider { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "Data Source=data/waterwheel.db";

    /// <summary>
    /// Turns EF Core's "Skip/Take without OrderBy" warning into an error. Such a query can page differently on the two
    /// providers and from one run to the next; EF warns only once per query shape per process, so a warning is easy to
    /// miss. Test hosts switch this on so the first test that compiles such a query fails where it is written.
    /// </summary>
    public bool StrictQueries { get; set; }

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
}
