namespace Waterwheel.Audiences.Sql;

/// <summary>SQL text with named parameters (@p0, @p1…) and their values, for any ADO.NET command.</summary>
internal sealed record SqlQuery(string Text, IReadOnlyList<KeyValuePair<string, object>> Parameters);
