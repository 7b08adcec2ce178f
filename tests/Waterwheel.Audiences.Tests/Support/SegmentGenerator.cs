using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Tests.Support;

/// <summary>
/// Random valid segments over <see cref="TestFields"/>, from a seed FsCheck gives (so a failure names its seed). Values
/// come from the same small domains as <see cref="RecordGenerator"/>, so that generated segments match some customers.
/// </summary>
internal sealed class SegmentGenerator(Random random)
{
    public static readonly string[] Cities = ["杭州", "上海", "北京", "南京", "say \"x\"", "back\\slash"];
    public static readonly string[] Levels = ["gold", "silver", "bronze"];
    public static readonly string[] Skins = ["dry", "oily"];
    public static readonly string[] EnumFields = ["city", "gender", "lifecycle_stage", "owner_store", "member_level", "skin_type"];
    public static readonly string[] NumberFields = ["order_count", "total_spent", "average_order_value", "rfm_r", "pets", "height_m"];
    public static readonly string[] DateFields = ["last_order_on", "birthday", "joined_on", "first_seen_on"];
    public static readonly string[] BoolFields = ["consent_wecom", "consent_sms", "newsletter"];
    public static readonly string[] Stores = ["s1", "s2", "s3"];

    public static string[] ValuesOf(string field) => field switch
    {
        "city" => Cities,
        "gender" => [.. FieldCatalog.Genders],
        "lifecycle_stage" => [.. FieldCatalog.LifecycleStages],
        "owner_store" => Stores,
        "member_level" => Levels,
        _ => Skins,
    };

    public Segment Next(int depth = 3)
    {
        if (depth > 0 && random.Next(3) == 0)
        {
            var terms = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Next(depth - 1)).ToArray();
            return random.Next(2) == 0 ? new And(terms) : new Or(terms);
        }
        if (depth > 0 && random.Next(6) == 0) return new Not(Next(depth - 1));
        return Leaf();
    }

    public Segment Leaf()
    {
        switch (random.Next(9))
        {
            case 0:
            case 1:
                return new HasTag(TestFields.Tags[random.Next(TestFields.Tags.Length)]);
            case 2:
                var field = Pick(EnumFields);
                var values = ValuesOf(field);
                return new In(field, values.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray());
            case 3:
                var number = Pick(NumberFields);
                var (min, max) = (NumberValue(number), NumberValue(number));
                if (min > max) (min, max) = (max, min);
                return random.Next(3) switch { 0 => new NumberRange(number, min, null), 1 => new NumberRange(number, null, max), _ => new NumberRange(number, min, max) };
            case 4:
                var date = Pick(DateFields);
                var (from, to) = (DateValue(), DateValue());
                if (from > to) (from, to) = (to, from);
                return random.Next(3) switch { 0 => new DateRange(date, from, null), 1 => new DateRange(date, null, to), _ => new DateRange(date, from, to) };
            case 5:
                return random.Next(2) == 0 ? new WithinDays(Pick(DateFields), random.Next(0, 800)) : new OlderThanDays(Pick(DateFields), random.Next(0, 800));
            case 6:
                return new Is(Pick(BoolFields), random.Next(2) == 0);
            case 7:
                return new IsSet(Pick([.. EnumFields, .. NumberFields, .. DateFields, .. BoolFields]));
            default:
                return new IsNotSet(Pick([.. EnumFields, .. NumberFields, .. DateFields, .. BoolFields]));
        }
    }

    public decimal NumberValue(string field) => field switch
    {
        "order_count" => random.Next(0, 12),
        "total_spent" => random.Next(-5_000, 200_000) / 100m,
        "average_order_value" => random.Next(0, 50_000) / 100m,
        "rfm_r" => random.Next(1, 6),
        "pets" => random.Next(0, 4),
        _ => random.Next(14_000, 20_000) / 10_000m,
    };

    /// <summary>Mostly the last three years, sometimes decades back (before 1970, kept as negative day numbers).</summary>
    public DateOnly DateValue() => random.Next(8) == 0
        ? new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 40))
        : TestFields.Today.AddDays(-random.Next(-30, 1_100));

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
