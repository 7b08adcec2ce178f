using System.Text.Json;
using Waterwheel.Platform.Demo;

namespace Waterwheel.Customers.Demo;

/// <summary>
/// The demo brand's customers as its systems would report them: a member number, a mobile, often a Tmall, JD or Douyin
/// buyer id, and their orders and page views over the last half year. The same seed gives the same people every time,
/// and every call has a fixed messageId, so sending them twice stores them once.
/// </summary>
internal static class DemoShoppers
{
    private static readonly string[] Channels = ["tmall", "jd", "douyin", "pos", "miniprogram"];
    private static readonly string[] Products = ["法式长棍", "全麦吐司", "牛角可颂", "芝士蛋糕", "肉松小贝", "红豆面包", "低糖燕麦包"];
    private static readonly string[] Cities = ["上海市", "杭州市", "北京市"];

    /// <summary>Segment calls (identify, then tracks and pages), grouped per person in the order a client would send them.</summary>
    public static IEnumerable<JsonElement> Calls(int people, DateTime now)
    {
        var names = new DemoPeople(5_000);
        var random = new Random(5_000);
        for (var i = 1; i <= people; i++)
        {
            var member = $"MXF{i:D6}";
            var externalIds = new List<object> { new { id = member, type = "pos_member_number" } };
            if (random.NextDouble() < 0.4) externalIds.Add(new { id = $"tb{random.Next(100_000_000):D9}", type = "taobao_buyer_id" });
            if (random.NextDouble() < 0.2) externalIds.Add(new { id = $"jd_{random.Next(10_000_000):D7}", type = "jd_pin" });
            if (random.NextDouble() < 0.15) externalIds.Add(new { id = $"dy{random.Next(100_000_000):D9}", type = "douyin_openid" });
            var firstSeen = now.AddDays(-random.Next(1, 180)).AddMinutes(-random.Next(0, 1440));
            yield return Call(new
            {
                type = "identify", userId = member, messageId = $"demo-{member}-identify", timestamp = firstSeen,
                traits = new { name = names.NextName(), phone = names.NextMobile(), gender = random.Next(3) switch { 0 => "male", 1 => "female", _ => "" },
                    city = Cities[random.Next(Cities.Length)] },
                context = new { externalIds },
            });
            var orders = random.Next(0, 6);
            for (var o = 1; o <= orders; o++)
            {
                var at = firstSeen.AddDays(random.Next(0, Math.Max(1, (int)(now - firstSeen).TotalDays)));
                var channel = Channels[random.Next(Channels.Length)];
                var quantity = random.Next(1, 4);
                var price = 12 + random.Next(0, 30);
                yield return Call(new
                {
                    type = "track", userId = member, messageId = $"demo-{member}-order-{o}", @event = "Order Completed", timestamp = at,
                    properties = new { orderId = $"{channel.ToUpperInvariant()}-{i:D6}-{o}", channel, product = Products[random.Next(Products.Length)], quantity,
                        total = (decimal)(quantity * price) },
                });
            }
            if (random.NextDouble() < 0.5)
                yield return Call(new
                {
                    type = "page", userId = member, messageId = $"demo-{member}-page", name = "会员中心", timestamp = now.AddDays(-random.Next(0, 30)),
                    properties = new { path = "/member" },
                });
        }
    }

    private static JsonElement Call(object call) => JsonSerializer.SerializeToElement(call, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
