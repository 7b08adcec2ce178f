using Waterwheel.Audiences.Engine;

namespace Waterwheel.Bench.Audiences;

/// <summary>
/// N generated customers held column by column in compact arrays (about 40 bytes each), so that 10 million fit and the
/// index, PostgreSQL and SQLite are all fed the same people. Distributions follow a bakery chain's members: cities
/// weighted toward its three cities, spend log-normal, orders and dates over three years, 300 tags of Zipf popularity.
/// </summary>
internal sealed class Population
{
    public const int TagCount = 300;
    public static readonly DateOnly Today = new(2026, 11, 30);
    public static readonly (string City, string Province, int Weight)[] Cities =
    [
        ("上海", "上海", 24), ("杭州", "浙江", 18), ("北京", "北京", 16), ("宁波", "浙江", 5), ("苏州", "江苏", 5), ("南京", "江苏", 5),
        ("温州", "浙江", 3), ("无锡", "江苏", 3), ("广州", "广东", 3), ("深圳", "广东", 3), ("成都", "四川", 2), ("武汉", "湖北", 2),
        ("天津", "天津", 2), ("嘉兴", "浙江", 2), ("绍兴", "浙江", 2), ("合肥", "安徽", 1), ("西安", "陕西", 1), ("重庆", "重庆", 1),
        ("长沙", "湖南", 1), ("厦门", "福建", 1),
    ];
    public static readonly string[] Stages = ["new", "active", "at_risk", "dormant", "lost"];
    public static readonly Guid[] TagIds = Enumerable.Range(1, TagCount).Select(i => new Guid($"0199c000-0000-7000-8000-{i:D12}")).ToArray();
    public static string TagName(int tag) => $"t{tag + 1:D3}";

    public int Count { get; }
    public readonly byte[] Gender, City, Stage, Store, Dealer, R, F, M;
    public readonly sbyte[] ConsentWecom, ConsentSms, ConsentEmail;
    public readonly ushort[] Staff, Orders;
    public readonly long[] SpentFen;
    public readonly int[] LastOrder, FirstSeen, Birthday;
    public readonly int[] TagStart;
    public readonly ushort[] Tags;

    public Population(int count, int seed = 42)
    {
        Count = count;
        (Gender, City, Stage, Store, Dealer, R, F, M) = (new byte[count], new byte[count], new byte[count], new byte[count], new byte[count], new byte[count], new byte[count], new byte[count]);
        (ConsentWecom, ConsentSms, ConsentEmail) = (new sbyte[count], new sbyte[count], new sbyte[count]);
        (Staff, Orders, SpentFen) = (new ushort[count], new ushort[count], new long[count]);
        (LastOrder, FirstSeen, Birthday, TagStart) = (new int[count], new int[count], new int[count], new int[count + 1]);
        var random = new Random(seed);
        var cityWeights = Cumulative(Cities.Select(c => (double)c.Weight));
        var tagWeights = Cumulative(Enumerable.Range(1, TagCount).Select(k => 1.0 / k));
        var today = Today.DayNumber;
        var tags = new List<ushort>(count * 3);
        var picked = new HashSet<ushort>();
        for (var i = 0; i < count; i++)
        {
            Gender[i] = (byte)(random.Next(100) switch { < 10 => 0, < 45 => 1, _ => 2 });
            City[i] = (byte)(random.Next(100) < 8 ? 0 : Pick(cityWeights, random) + 1);
            Store[i] = (byte)(random.Next(100) < 15 ? 0 : 1 + (int)Math.Min(41, Math.Abs(Normal(random) * 12)));
            Staff[i] = (ushort)(Store[i] == 0 ? 0 : (Store[i] - 1) * 4 + random.Next(1, 5));
            Dealer[i] = (byte)(Store[i] is > 30 ? (Store[i] % 2) + 1 : 0);
            FirstSeen[i] = today - random.Next(0, 3 * 365);
            var orders = random.Next(100) < 30 ? 0 : Math.Min(60, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 3));
            Orders[i] = (ushort)orders;
            if (orders > 0)
            {
                var average = Math.Exp(Math.Log(120) + 0.8 * Normal(random));
                SpentFen[i] = (long)(average * orders * 100);
                // Recent orders are likelier: the square pulls the last order toward today.
                LastOrder[i] = today - (int)((today - FirstSeen[i]) * Math.Pow(random.NextDouble(), 2));
                var recency = today - LastOrder[i];
                R[i] = (byte)(recency < 30 ? 5 : recency < 90 ? 4 : recency < 180 ? 3 : recency < 365 ? 2 : 1);
                F[i] = (byte)Math.Min(5, 1 + orders / 3);
                M[i] = (byte)(SpentFen[i] < 20_000 ? 1 : SpentFen[i] < 50_000 ? 2 : SpentFen[i] < 100_000 ? 3 : SpentFen[i] < 300_000 ? 4 : 5);
                Stage[i] = (byte)(recency < 60 ? (orders == 1 ? 1 : 2) : recency < 180 ? 3 : recency < 365 ? 4 : 5);
            }
            else
            {
                LastOrder[i] = -1;
                Stage[i] = (byte)(random.Next(100) < 60 ? 1 : 5);
            }
            Birthday[i] = random.Next(100) < 55 ? new DateOnly(1960, 1, 1).DayNumber + random.Next(0, 45 * 365) : -1;
            ConsentWecom[i] = (sbyte)(random.Next(100) < 80 ? 1 : 0);
            ConsentSms[i] = (sbyte)(random.Next(100) switch { < 40 => 1, < 60 => 0, _ => -1 });
            ConsentEmail[i] = (sbyte)(random.Next(100) switch { < 10 => 1, < 15 => 0, _ => -1 });
            picked.Clear();
            for (var n = Poisson(random, 3.1); n > 0; n--) picked.Add((ushort)Pick(tagWeights, random));
            TagStart[i] = tags.Count;
            tags.AddRange(picked.Order());
        }
        TagStart[count] = tags.Count;
        Tags = tags.ToArray();
    }

    public string? CityName(int i) => City[i] == 0 ? null : Cities[City[i] - 1].City;
    public string? ProvinceName(int i) => City[i] == 0 ? null : Cities[City[i] - 1].Province;
    public string? StageName(int i) => Stage[i] == 0 ? null : Stages[Stage[i] - 1];
    public string? GenderName(int i) => Gender[i] switch { 1 => "male", 2 => "female", _ => null };
    public string? StoreCode(int i) => Store[i] == 0 ? null : $"store-{Store[i]:D2}";
    public string? StaffCode(int i) => Staff[i] == 0 ? null : $"staff-{Staff[i]:D3}";
    public string? DealerCode(int i) => Dealer[i] == 0 ? null : $"dealer-{Dealer[i]}";
    public ReadOnlySpan<ushort> TagsOf(int i) => Tags.AsSpan(TagStart[i], TagStart[i + 1] - TagStart[i]);

    /// <summary>The records the rebuild reads, as the module would read them from the member tables.</summary>
    public IEnumerable<CustomerRecord> Records()
    {
        for (var i = 0; i < Count; i++)
        {
            var values = new Dictionary<string, FieldValue>(24);
            void Text(string field, string? value) { if (value is not null) values[field] = FieldValue.Of(value); }
            void Day(string field, int day) { if (day >= 0) values[field] = FieldValue.Of(DateOnly.FromDayNumber(day)); }
            void Flag(string field, sbyte flag) { if (flag >= 0) values[field] = FieldValue.Of(flag == 1); }
            Text("gender", GenderName(i));
            Text("city", CityName(i));
            Text("province", ProvinceName(i));
            Text("lifecycle_stage", StageName(i));
            Text("owner_store", StoreCode(i));
            Text("owner_staff", StaffCode(i));
            Text("owner_dealer", DealerCode(i));
            values["order_count"] = FieldValue.Of(Orders[i]);
            values["total_spent"] = FieldValue.Of(SpentFen[i] / 100m);
            if (Orders[i] > 0)
            {
                values["average_order_value"] = FieldValue.Of(Math.Round(SpentFen[i] / 100m / Orders[i], 2));
                values["rfm_r"] = FieldValue.Of(R[i]);
                values["rfm_f"] = FieldValue.Of(F[i]);
                values["rfm_m"] = FieldValue.Of(M[i]);
            }
            Day("last_order_on", LastOrder[i]);
            Day("first_seen_on", FirstSeen[i]);
            Day("birthday", Birthday[i]);
            Flag("consent_wecom", ConsentWecom[i]);
            Flag("consent_sms", ConsentSms[i]);
            Flag("consent_email", ConsentEmail[i]);
            var tagIds = new Guid[TagStart[i + 1] - TagStart[i]];
            var own = TagsOf(i);
            for (var t = 0; t < own.Length; t++) tagIds[t] = TagIds[own[t]];
            yield return new CustomerRecord(i, values, tagIds);
        }
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        var cumulative = weights.Select(w => sum += w).ToArray();
        return cumulative.Select(c => c / sum).ToArray();
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var found = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(cumulative.Length - 1, found < 0 ? ~found : found);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var (limit, product, count) = (Math.Exp(-mean), random.NextDouble(), 0);
        while (product > limit) { product *= random.NextDouble(); count++; }
        return count;
    }
}
