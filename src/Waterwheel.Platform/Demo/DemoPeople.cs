namespace Waterwheel.Platform.Demo;

/// <summary>Plausible, deterministic names and mobile numbers for demo staff (a fixed seed gives the same tenant every time).</summary>
public sealed class DemoPeople(int seed)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "梁", "宋", "唐", "许", "邓", "韩", "冯", "曹"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "晨", "欣怡", "子涵", "浩然", "雨桐", "思远", "佳琪", "梓萱", "一鸣", "晓东", "婷婷"];
    private static readonly string[] MobilePrefixes = ["135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "186", "187", "188", "177", "199"];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _mobiles = [];

    public string NextName() => Surnames[_random.Next(Surnames.Length)] + GivenNames[_random.Next(GivenNames.Length)];

    public string NextMobile()
    {
        while (true)
        {
            var mobile = MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(0, 100_000_000).ToString("D8");
            if (_mobiles.Add(mobile)) return mobile;
        }
    }
}
