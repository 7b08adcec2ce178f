using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Sql;

namespace Waterwheel.Audiences.Tests.Sql;

/// <summary>Creates the member tables in a test database and writes customers into them, one parameterised insert each.</summary>
internal static class MemberLoader
{
    public static DbConnection Open(string provider, string connectionString)
    {
        DbConnection connection = provider == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public static void Create(DbConnection connection, SqlDialect dialect, FieldCatalog catalog)
    {
        using var command = connection.CreateCommand();
        command.CommandText = MemberTables.Create(dialect, catalog);
        command.ExecuteNonQuery();
    }

    public static void Load(DbConnection connection, SqlDialect dialect, FieldCatalog catalog, Guid tenant, IEnumerable<CustomerRecord> customers)
    {
        using var transaction = connection.BeginTransaction();
        var fields = MemberTables.BuiltInFields(catalog).Select(f => f.Name).ToList();
        foreach (var customer in customers)
        {
            var (columns, attributes) = MemberTables.Row(customer, catalog, dialect);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var names = string.Join(", ", fields);
            var values = string.Join(", ", fields.Select((_, i) => $"@c{i}"));
            var json = dialect.IsPostgres ? "@attributes::jsonb" : "@attributes";
            insert.CommandText = $"INSERT INTO {dialect.Members} (tenant_id, ordinal, profile_id, {names}, attributes) VALUES (@tenant, @ordinal, @profile, {values}, {json})";
            Add(insert, "@tenant", dialect.Id(tenant));
            Add(insert, "@ordinal", customer.Ordinal);
            Add(insert, "@profile", dialect.Id(Guid.NewGuid()));
            for (var i = 0; i < columns.Length; i++) Add(insert, $"@c{i}", columns[i]);
            Add(insert, "@attributes", attributes);
            insert.ExecuteNonQuery();
            foreach (var tag in customer.Tags)
            {
                using var tagInsert = connection.CreateCommand();
                tagInsert.Transaction = transaction;
                tagInsert.CommandText = $"INSERT INTO {dialect.MemberTags} (tenant_id, tag_id, ordinal) VALUES (@tenant, @tag, @ordinal)";
                Add(tagInsert, "@tenant", dialect.Id(tenant));
                Add(tagInsert, "@tag", dialect.Id(tag));
                Add(tagInsert, "@ordinal", customer.Ordinal);
                tagInsert.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }

    public static DbCommand Command(DbConnection connection, SqlQuery query)
    {
        var command = connection.CreateCommand();
        command.CommandText = query.Text;
        foreach (var (name, value) in query.Parameters) Add(command, name, value);
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
