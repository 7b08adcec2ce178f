using System.Text;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Sql;

/// <summary>
/// A segment as SQL over <see cref="MemberTables"/>: a COUNT and a SELECT of ordinals, every value a parameter. Each
/// term is written so that it is never NULL (a field's condition tests the column is set first), so that SQL's NOT
/// agrees with the index's: "not in 杭州" includes customers with no city, as it does in the index.
/// </summary>
internal sealed class SqlTranslator
{
    private readonly SqlDialect _dialect;
    private readonly FieldCatalog _catalog;
    private readonly DateOnly _today;
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    private SqlTranslator(SqlDialect dialect, FieldCatalog catalog, DateOnly today) => (_dialect, _catalog, _today) = (dialect, catalog, today);

    public static SqlQuery Count(Segment segment, Guid tenantId, DateOnly today, SqlDialect dialect, FieldCatalog catalog) =>
        new SqlTranslator(dialect, catalog, today).Query("SELECT COUNT(*)", segment, tenantId, "");

    public static SqlQuery Members(Segment segment, Guid tenantId, DateOnly today, SqlDialect dialect, FieldCatalog catalog) =>
        new SqlTranslator(dialect, catalog, today).Query("SELECT m.ordinal", segment, tenantId, " ORDER BY m.ordinal");

    private SqlQuery Query(string select, Segment segment, Guid tenantId, string order)
    {
        var tenant = Parameter(_dialect.Id(tenantId));
        var condition = new StringBuilder();
        Write(segment, condition);
        return new SqlQuery($"{select} FROM {_dialect.Members} m WHERE m.tenant_id = {tenant} AND {condition}{order}", _parameters);
    }

    private void Write(Segment segment, StringBuilder sql)
    {
        switch (segment)
        {
            case And and:
                Join(and.Terms, " AND ", sql);
                break;
            case Or or:
                Join(or.Terms, " OR ", sql);
                break;
            case Not not:
                sql.Append("NOT ");
                Write(not.Term, sql);
                break;
            case HasTag tag:
                sql.Append($"EXISTS (SELECT 1 FROM {_dialect.MemberTags} t WHERE t.tenant_id = m.tenant_id AND t.tag_id = ")
                    .Append(Parameter(_dialect.Id(tag.TagId))).Append(" AND t.ordinal = m.ordinal)");
                break;
            case In @in:
                var column = Column(@in.Field, null);
                sql.Append($"({column} IS NOT NULL AND {column} IN (").AppendJoin(", ", @in.Values.Distinct().Select(v => Parameter(v))).Append("))");
                break;
            case NumberRange range:
                var field = _catalog.Get(range.Field);
                Bounds(range.Field, range.Min is { } min ? NumberParameter(field, min) : null, range.Max is { } max ? NumberParameter(field, max) : null, sql);
                break;
            case DateRange range:
                Bounds(range.Field, range.Min is { } from ? _dialect.Date(from) : null, range.Max is { } to ? _dialect.Date(to) : null, sql);
                break;
            case WithinDays within:
                Bounds(within.Field, _dialect.Date(_today.AddDays(-within.Days)), _dialect.Date(_today), sql);
                break;
            case OlderThanDays older:
                Bounds(older.Field, null, _dialect.Date(_today.AddDays(-older.Days - 1)), sql);
                break;
            case IsSet set:
                sql.Append($"({Column(set.Field, null)} IS NOT NULL)");
                break;
            case IsNotSet notSet:
                sql.Append($"({Column(notSet.Field, null)} IS NULL)");
                break;
            case Is @is:
                var flag = Column(@is.Field, "boolean");
                sql.Append($"({flag} IS NOT NULL AND {flag} = {Parameter(_dialect.Flag(@is.Value))})");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment node.");
        }
    }

    private void Join(IEnumerable<Segment> terms, string separator, StringBuilder sql)
    {
        sql.Append('(');
        var first = true;
        foreach (var term in terms)
        {
            if (!first) sql.Append(separator);
            first = false;
            Write(term, sql);
        }
        sql.Append(')');
    }

    private void Bounds(string field, object? min, object? max, StringBuilder sql)
    {
        var definition = _catalog.Get(field);
        var column = Column(field, definition.Kind == FieldKind.Date ? "date" : "numeric");
        sql.Append($"({column} IS NOT NULL");
        if (min is not null) sql.Append($" AND {column} >= {Parameter(min)}");
        if (max is not null) sql.Append($" AND {column} <= {Parameter(max)}");
        sql.Append(')');
    }

    /// <summary>Built-in numbers are whole fen in their column; custom numbers are decimals in the JSON.</summary>
    private object NumberParameter(FieldDefinition field, decimal value) =>
        field.Custom ? _dialect.CustomNumber(value) : FieldScaling.Scaled(field, value);

    /// <summary>A built-in field's column, or a custom attribute read from the JSON (cast on PostgreSQL for comparison).</summary>
    private string Column(string field, string? postgresCast)
    {
        var definition = _catalog.Get(field);
        return definition.Custom ? _dialect.Attribute(Parameter(_dialect.AttributePath(field)), postgresCast) : "m." + definition.Name;
    }

    private string Parameter(object value)
    {
        var name = "@p" + _parameters.Count;
        _parameters.Add(new(name, value));
        return name;
    }
}
