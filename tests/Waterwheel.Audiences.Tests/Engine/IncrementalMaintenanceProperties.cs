using FsCheck.Xunit;
using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Segments;
using Waterwheel.Audiences.Tests.Support;

namespace Waterwheel.Audiences.Tests.Engine;

/// <summary>An index kept current change by change holds the same bitmaps, and gives the same counts, as one rebuilt from the final data.</summary>
public sealed class IncrementalMaintenanceProperties
{
    private static readonly FieldCatalog Catalog = TestFields.Catalog();

    [Property(MaxTest = 150)]
    public bool Random_changes_leave_the_index_a_rebuild_would_make(int seed)
    {
        var random = new Random(seed);
        var truth = RecordGenerator.Customers(random, random.Next(0, 200)).ToDictionary(c => c.Ordinal);
        using var index = AudienceIndex.Build(Catalog, truth.Values);
        var nextOrdinal = truth.Count == 0 ? 0 : truth.Keys.Max() + 1;
        for (var step = random.Next(0, 300); step > 0; step--)
            Change(random, index, truth, ref nextOrdinal);

        using var rebuilt = AudienceIndex.Build(Catalog, truth.Values);
        AssertSameBitmaps(rebuilt, index);
        var segments = new SegmentGenerator(random);
        for (var i = 0; i < 10; i++)
        {
            var segment = segments.Next(3);
            Assert.Equal(rebuilt.Count(segment, TestFields.Today), index.Count(segment, TestFields.Today));
            IndexAgainstRecordsProperties.AssertSame(index, truth.Values, segment, null);
        }
        return true;
    }

    /// <summary>
    /// Counting keeps the whole result of each range asked (RangeResults); changes between counts must keep those exact,
    /// and a full cache must make room, so the same segments asked again after changes answer as the records do.
    /// </summary>
    [Property(MaxTest = 150)]
    public bool Range_results_kept_by_earlier_counts_stay_exact_through_changes(int seed)
    {
        var random = new Random(seed);
        var truth = RecordGenerator.Customers(random, random.Next(0, 200)).ToDictionary(c => c.Ordinal);
        using var index = AudienceIndex.Build(Catalog, truth.Values);
        var nextOrdinal = truth.Count == 0 ? 0 : truth.Keys.Max() + 1;
        var segments = new SegmentGenerator(random);
        var asked = Enumerable.Range(0, 10).Select(_ => segments.Next(3)).ToList();
        for (var round = 0; round < 4; round++)
        {
            foreach (var segment in asked) index.Count(segment, TestFields.Today);
            for (var step = random.Next(0, 80); step > 0; step--)
                Change(random, index, truth, ref nextOrdinal);
            foreach (var segment in asked) IndexAgainstRecordsProperties.AssertSame(index, truth.Values, segment, null);
        }
        return true;
    }

    private static void Change(Random random, AudienceIndex index, Dictionary<int, CustomerRecord> truth, ref int nextOrdinal)
    {
        var ordinals = truth.Keys.ToArray();
        var ordinal = ordinals.Length == 0 || random.Next(10) == 0 ? nextOrdinal++ : ordinals[random.Next(ordinals.Length)];
        var record = truth.GetValueOrDefault(ordinal) ?? new CustomerRecord(ordinal, new Dictionary<string, FieldValue>(), new HashSet<Guid>());
        var values = new Dictionary<string, FieldValue>(record.Values);
        var tags = new HashSet<Guid>(record.Tags);
        var field = RecordGenerator.AllFields[random.Next(RecordGenerator.AllFields.Length)];
        var tag = TestFields.Tags[random.Next(TestFields.Tags.Length)];
        switch (random.Next(6))
        {
            case 0:
                index.SetTag(ordinal, tag);
                tags.Add(tag);
                break;
            case 1:
                index.ClearTag(ordinal, tag);
                tags.Remove(tag);
                break;
            case 2:
            case 3:
                var value = RecordGenerator.Value(random, field);
                index.SetValue(ordinal, field, value);
                values[field] = value;
                break;
            case 4:
                index.ClearValue(ordinal, field);
                values.Remove(field);
                break;
            default:
                if (random.Next(2) == 0)
                {
                    index.Remove(ordinal);
                    truth.Remove(ordinal);
                    return;
                }
                var replacement = RecordGenerator.Next(random, ordinal);
                index.Upsert(replacement);
                truth[ordinal] = replacement;
                return;
        }
        // Setting a tag or a value makes a customer live; clearing one on a customer the index never had makes none.
        if (truth.ContainsKey(ordinal) || tags.Count > 0 || values.Count > 0)
            truth[ordinal] = new CustomerRecord(ordinal, values, tags);
    }

    internal static void AssertSameBitmaps(AudienceIndex expected, AudienceIndex actual)
    {
        var want = expected.Bitmaps().Where(b => !b.Bitmap.IsEmpty).ToDictionary(b => b.Name, b => b.Bitmap);
        var have = actual.Bitmaps().Where(b => !b.Bitmap.IsEmpty).ToDictionary(b => b.Name, b => b.Bitmap);
        Assert.Equal(want.Keys.Order(), have.Keys.Order());
        foreach (var (name, bitmap) in want)
            Assert.True(bitmap.ValueEquals(have[name]), $"{name}: expected [{string.Join(",", bitmap.Values.Take(20))}], found [{string.Join(",", have[name].Values.Take(20))}]");
    }
}
