using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Data;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>
/// Every text value in every table of the app's database (all modules, Identity, data-protection keys, migration
/// history), found from the database's own catalogue so that a table added later is scanned too.
/// </summary>
public static class DatabaseText
{
    public sealed record Hit(string Table, string Column, string Value);

    public static Task<List<Hit>> Containing(WaterwheelApp app, params string[] needles) => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var hits = new List<Hit>();
        var tables = db.Database.IsNpgsql()
            ? await Strings(connection, "SELECT '\"' || table_schema || '\".\"' || table_name || '\"' FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")
            : await Strings(connection, "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'");
        Assert.True(tables.Count >= 10, $"Only {tables.Count} tables found: {string.Join(", ", tables)}");
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                    {
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                    };
                    if (value is not null && needles.Any(n => value.Contains(n, StringComparison.Ordinal)))
                        hits.Add(new Hit(table, reader.GetName(i), value));
                }
        }
        return hits;
    });

    private static async Task<List<string>> Strings(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
