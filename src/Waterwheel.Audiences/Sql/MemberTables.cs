using System.Text.Json;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Sql;

/// <summary>
/// The relational truth the index is a cache of (ADR 13): one row per customer ordinal with a typed column per built-in
/// field — numbers as whole numbers at the field's scale (fen), as the index keeps them, so both compare exactly —
/// custom attributes in one JSON column, and one row per (customer, tag).
/// </summary>
internal static class MemberTables
{
    public static string Create(SqlDialect dialect, FieldCatalog catalog)
    {
        var columns = BuiltInFields(catalog).Select(f => $"    {f.Name} {Type(dialect, f.Kind)},");
        var (id, json) = dialect.IsPostgres ? ("uuid", "jsonb") : ("TEXT", "TEXT");
        var schema = dialect.IsPostgres ? "CREATE SCHEMA IF NOT EXISTS audiences;\n" : "";
        return $"""
            {schema}CREATE TABLE {dialect.Members} (
                tenant_id {id} NOT NULL,
                ordinal integer NOT NULL,
                profile_id {id} NOT NULL,
            {string.Join("\n", columns)}
                attributes {json},
                PRIMARY KEY (tenant_id, ordinal)
            );
            CREATE UNIQUE INDEX {Name(dialect, "members_profile")} ON {dialect.Members} (tenant_id, profile_id);
            CREATE TABLE {dialect.MemberTags} (
                tenant_id {id} NOT NULL,
                tag_id {id} NOT NULL,
                ordinal integer NOT NULL,
                PRIMARY KEY (tenant_id, tag_id, ordinal)
            );
            CREATE INDEX {Name(dialect, "member_tags_ordinal")} ON {dialect.MemberTags} (tenant_id, ordinal, tag_id);
            """;
    }

    /// <summary>The built-in fields in column order; custom attributes go to the JSON column.</summary>
    public static IEnumerable<FieldDefinition> BuiltInFields(FieldCatalog catalog) => catalog.Fields.Where(f => !f.Custom);

    /// <summary>One customer's column values in <see cref="BuiltInFields"/> order (null where unset) and the JSON of their custom attributes.</summary>
    public static (object?[] Columns, string? Attributes) Row(CustomerRecord record, FieldCatalog catalog, SqlDialect dialect)
    {
        var columns = BuiltInFields(catalog)
            .Select(f => record.Values.TryGetValue(f.Name, out var value) ? Column(f, value, dialect) : null).ToArray();
        var custom = record.Values.Where(v => catalog.TryGet(v.Key, out var f) && f.Custom).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        if (custom.Count == 0) return (columns, null);
        var attributes = custom.ToDictionary(v => v.Key, v => v.Value.Kind switch
        {
            FieldKind.Enum => (object)v.Value.Text!,
            FieldKind.Number => FieldScaling.Normalise(catalog.Get(v.Key), v.Value.Number),
            FieldKind.Date => v.Value.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => v.Value.Flag,
        });
        return (columns, JsonSerializer.Serialize(attributes));
    }

    private static object Column(FieldDefinition field, FieldValue value, SqlDialect dialect) => field.Kind switch
    {
        FieldKind.Enum => value.Text!,
        FieldKind.Number => FieldScaling.Scaled(field, value.Number),
        FieldKind.Date => dialect.Date(value.Date),
        _ => dialect.Flag(value.Flag),
    };

    private static string Type(SqlDialect dialect, FieldKind kind) => (kind, dialect.IsPostgres) switch
    {
        (FieldKind.Enum, _) => "text",
        (FieldKind.Number, _) => "bigint",
        (FieldKind.Date, true) => "date",
        (FieldKind.Date, false) => "TEXT",
        (_, true) => "boolean",
        _ => "integer",
    };

    private static string Name(SqlDialect dialect, string name) => dialect.IsPostgres ? name : "audiences_" + name;
}
