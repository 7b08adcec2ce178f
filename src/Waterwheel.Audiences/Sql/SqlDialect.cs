using System.Globalization;

namespace Waterwheel.Audiences.Sql;

/// <summary>
/// What differs between the two providers for the member tables: names (a schema on PostgreSQL, a prefix on SQLite,
/// as every module does), how a custom attribute is read from the JSON column, and how values are bound (SQLite has no
/// date, uuid or boolean type: ISO text, lower-case text and 0/1).
/// </summary>
internal sealed class SqlDialect
{
    private SqlDialect(string members, string memberTags, bool postgres) => (Members, MemberTags, IsPostgres) = (members, memberTags, postgres);

    public static readonly SqlDialect Sqlite = new("audiences_members", "audiences_member_tags", postgres: false);
    public static readonly SqlDialect Postgres = new("audiences.members", "audiences.member_tags", postgres: true);

    public string Members { get; }
    public string MemberTags { get; }
    public bool IsPostgres { get; }

    /// <summary>A custom attribute's value as text (its JSON path is a parameter), cast for comparison by kind.</summary>
    public string Attribute(string pathParameter, string? postgresCast) => IsPostgres
        ? postgresCast is null ? $"(m.attributes ->> {pathParameter})" : $"((m.attributes ->> {pathParameter})::{postgresCast})"
        : $"json_extract(m.attributes, {pathParameter})";

    public object AttributePath(string key) => IsPostgres ? key : "$." + key;

    public object Id(Guid id) => IsPostgres ? id : id.ToString("D");

    public object Date(DateOnly date) => IsPostgres ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public object Flag(bool flag) => IsPostgres ? flag : flag ? 1L : 0L;

    /// <summary>Custom numbers sit in JSON as decimals; SQLite's json_extract gives them as REAL, so they compare as one.</summary>
    public object CustomNumber(decimal number) => IsPostgres ? number : (double)number;
}
