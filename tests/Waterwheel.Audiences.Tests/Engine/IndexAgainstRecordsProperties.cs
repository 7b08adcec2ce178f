using FsCheck.Xunit;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Tests.Support;

namespace Waterwheel.Audiences.Tests.Engine;

/// <summary>The index finds exactly the customers the record evaluator finds, one by one, for random segments over random customers.</summary>
public sealed class IndexAgainstRecordsProperties
{
    private static readonly FieldCatalog Catalog = TestFields.Catalog();

    [Property(MaxTest = 200)]
    public bool Counts_and_members_equal_the_record_by_record_answer(int seed)
    {
        var random = new Random(seed);
        var customers = RecordGenerator.Customers(random, random.Next(0, 400));
        using var index = AudienceIndex.Build(Catalog, customers);
        var segments = new SegmentGenerator(random);
        for (var i = 0; i < 10; i++)
        {
            var segment = segments.Next(3);
            var scope = random.Next(3) == 0 ? segments.Leaf() : null;
            AssertSame(index, customers, segment, scope);
        }
        return true;
    }

    [Fact]
    public void Within_and_older_than_split_the_days_at_today_minus_n()
    {
        var today = TestFields.Today;
        var customers = Enumerable.Range(-2, 100).Select(days => Customer(days + 2, today.AddDays(-days))).ToList();
        using var index = AudienceIndex.Build(Catalog, customers);
        Assert.Equal(31UL, index.Count(new WithinDays("last_order_on", 30), today));
        Assert.Equal(67UL, index.Count(new OlderThanDays("last_order_on", 30), today));
        Assert.Equal(2UL, index.Count(new Not(new Or(new WithinDays("last_order_on", 30), new OlderThanDays("last_order_on", 30))), today));
    }

    [Fact]
    public void A_field_or_tag_nobody_has_counts_nobody_and_its_negation_everybody()
    {
        using var index = AudienceIndex.Build(Catalog, [Customer(1, TestFields.Today), Customer(5, TestFields.Today)]);
        Assert.Equal(0UL, index.Count(new HasTag(Guid.NewGuid()), TestFields.Today));
        Assert.Equal(0UL, index.Count(new NumberRange("pets", 1, null), TestFields.Today));
        Assert.Equal(2UL, index.Count(new IsNotSet("joined_on"), TestFields.Today));
        Assert.Equal([1, 5], index.Materialise(new Not(new In("city", "杭州")), TestFields.Today).Ordinals);
    }

    [Fact]
    public void Bitmap_bytes_grow_with_the_customers_held()
    {
        using var small = AudienceIndex.Build(Catalog, RecordGenerator.Customers(new Random(1), 100));
        using var large = AudienceIndex.Build(Catalog, RecordGenerator.Customers(new Random(1), 20_000));
        Assert.True(small.BitmapBytes() > 0);
        Assert.True(large.BitmapBytes() > 10 * small.BitmapBytes(), $"{small.BitmapBytes()} then {large.BitmapBytes()}");
    }

    internal static void AssertSame(AudienceIndex index, IReadOnlyCollection<CustomerRecord> customers, Segment segment, Segment? scope)
    {
        var expected = customers
            .Where(c => RecordEvaluator.Matches(segment, c, Catalog, TestFields.Today) && (scope is null || RecordEvaluator.Matches(scope, c, Catalog, TestFields.Today)))
            .Select(c => c.Ordinal).Order().ToArray();
        using var members = index.Materialise(segment, TestFields.Today, scope);
        Assert.Equal(expected, members.Ordinals);
        Assert.Equal((ulong)expected.Length, index.Count(segment, TestFields.Today, scope));
    }

    private static CustomerRecord Customer(int ordinal, DateOnly lastOrder) =>
        new(ordinal, new Dictionary<string, FieldValue> { ["last_order_on"] = FieldValue.Of(lastOrder) }, []);
}
