using Waterwheel.Audiences.Engine;

namespace Waterwheel.Audiences.Tests.Support;

/// <summary>Random customers over <see cref="TestFields"/>: each field set or not, values from the generator's domains, a few tags.</summary>
internal static class RecordGenerator
{
    public static readonly string[] AllFields =
        [.. SegmentGenerator.EnumFields, .. SegmentGenerator.NumberFields, .. SegmentGenerator.DateFields, .. SegmentGenerator.BoolFields];

    public static CustomerRecord Next(Random random, int ordinal)
    {
        var values = new Dictionary<string, FieldValue>();
        foreach (var field in AllFields)
            if (random.Next(10) < 7) values[field] = Value(random, field);
        var tags = TestFields.Tags.Where(_ => random.Next(10) < 3).ToHashSet();
        return new CustomerRecord(ordinal, values, tags);
    }

    public static FieldValue Value(Random random, string field)
    {
        var generator = new SegmentGenerator(random);
        if (SegmentGenerator.EnumFields.Contains(field))
        {
            var options = SegmentGenerator.ValuesOf(field);
            return FieldValue.Of(options[random.Next(options.Length)]);
        }
        // An average with a third decimal: the index keeps fen, rounding as the record evaluator does.
        if (field == "average_order_value" && random.Next(3) == 0) return FieldValue.Of(random.Next(0, 500_000) / 1_000m);
        if (SegmentGenerator.NumberFields.Contains(field)) return FieldValue.Of(generator.NumberValue(field));
        if (SegmentGenerator.DateFields.Contains(field)) return FieldValue.Of(generator.DateValue());
        return FieldValue.Of(random.Next(2) == 0);
    }

    /// <summary>Customers with gaps between their ordinals, as merges and erasures leave them.</summary>
    public static List<CustomerRecord> Customers(Random random, int count)
    {
        var ordinal = 0;
        return Enumerable.Range(0, count).Select(_ => Next(random, ordinal += random.Next(1, 4))).ToList();
    }
}
