using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Sql;
using Waterwheel.Audiences.Segments.Text;
using Waterwheel.Audiences.Tests.Support;
using Waterwheel.Testing;

namespace Waterwheel.Audiences.Tests.Sql;

/// <summary>
/// The same segments through the index and through SQL over the member tables, on a real database of each provider,
/// with a second tenant's customers in the same tables that must never be counted.
/// </summary>
public abstract class SqlDifferentialTests(string provider) : IAsyncLifetime
{
    private static readonly FieldCatalog Catalog = TestFields.Catalog();
    private static readonly Guid Tenant = Guid.Parse("0199b000-0000-7000-8000-00000000000a");
    private static readonly Guid OtherTenant = Guid.Parse("0199b000-0000-7000-8000-00000000000b");
    private TestDatabase _database = null!;
    private SqlDialect Dialect => provider == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite;

    public async Task InitializeAsync() => _database = await TestDatabase.Create(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Random_segments_count_and_list_the_same_customers_in_sql_and_in_the_index(int seed)
    {
        var random = new Random(seed);
        var customers = RecordGenerator.Customers(random, 400);
        using var connection = MemberLoader.Open(provider, _database.ConnectionString);
        MemberLoader.Create(connection, Dialect, Catalog);
        MemberLoader.Load(connection, Dialect, Catalog, Tenant, customers);
        MemberLoader.Load(connection, Dialect, Catalog, OtherTenant, RecordGenerator.Customers(random, 100));
        using var index = AudienceIndex.Build(Catalog, customers);

        var segments = new SegmentGenerator(random);
        for (var i = 0; i < 60; i++)
        {
            var segment = segments.Next(3);
            var because = SegmentPrinter.Print(segment, TestFields.TagNames);
            using var count = MemberLoader.Command(connection, SqlTranslator.Count(segment, Tenant, TestFields.Today, Dialect, Catalog));
            Assert.True(index.Count(segment, TestFields.Today) == Convert.ToUInt64(count.ExecuteScalar()), because);
            using var select = MemberLoader.Command(connection, SqlTranslator.Members(segment, Tenant, TestFields.Today, Dialect, Catalog));
            using var reader = select.ExecuteReader();
            var ordinals = new List<int>();
            while (reader.Read()) ordinals.Add(reader.GetInt32(0));
            using var members = index.Materialise(segment, TestFields.Today);
            Assert.True(members.Ordinals.SequenceEqual(ordinals), because);
        }
    }

    [Fact]
    public void Every_value_is_a_parameter()
    {
        var segment = SegmentParser.Parse("city in (\"杭'州\") and total_spent > 300 and not tag \"已流失\" and member_level = \"gold\"",
            Catalog, TestFields.TagNames).Value!;
        var query = SqlTranslator.Count(segment, Tenant, TestFields.Today, Dialect, Catalog);
        Assert.DoesNotContain("杭", query.Text);
        Assert.DoesNotContain("gold", query.Text);
        Assert.DoesNotContain("30001", query.Text);
        Assert.Contains(query.Parameters, p => p.Value is long fen && fen == 30_001);
    }
}

public sealed class SqlDifferentialSqlite() : SqlDifferentialTests("sqlite");

public sealed class SqlDifferentialPostgres() : SqlDifferentialTests("postgres");
