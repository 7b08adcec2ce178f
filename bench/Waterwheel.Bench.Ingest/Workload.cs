using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Waterwheel.Bench.Ingest;

/// <summary>One event as the bench sent it, enough to write the same timeline line for the baseline.</summary>
internal sealed record SentEvent(string MessageId, string Person, string Kind, string? Subject, string? Properties, DateTime Timestamp);

/// <summary>One /v1/batch request body, built before the run so that the senders spend nothing on it.</summary>
internal sealed record Batch(byte[] Body, int Count);

/// <summary>
/// A deterministic crowd of events shaped like a storefront's instrumentation: about 20% identify (name, gender, city,
/// and a mobile for half of the people), 1% alias (a visitor's anonymous id joined to a member's user id), the rest track
/// with properties — most by member (a quarter of those also carrying the device's anonymous id), some by anonymous
/// visitors. People are drawn from a fixed pool, so each appears several times and later events find earlier profiles.
/// </summary>
internal static class Workload
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] Given = ["静", "伟", "芳", "娜", "敏", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超"];
    private static readonly string[] Cities = ["上海", "北京", "杭州", "深圳", "广州", "成都", "南京", "武汉", "苏州", "西安"];
    private static readonly string[] Events = ["Product Viewed", "Product Added", "Checkout Started", "Order Completed", "Coupon Claimed", "Live Stream Watched", "Store Visited"];
    private static readonly string[] Categories = ["bakery", "coffee", "gift-box", "seasonal", "membership"];

    public static (List<Batch> Batches, List<SentEvent> Events) Create(string prefix, int events, int batchSize, int people, int seed, DateTime now)
    {
        var random = new Random(seed);
        var visitors = Math.Max(1, people / 4);
        var sent = new List<SentEvent>(events);
        var batches = new List<Batch>(events / batchSize + 1);
        var start = now.AddHours(-1);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        for (var first = 0; first < events; first += batchSize)
        {
            buffer.Clear();
            using var json = new Utf8JsonWriter(buffer);
            json.WriteStartObject();
            json.WriteStartArray("batch");
            var count = Math.Min(batchSize, events - first);
            for (var i = first; i < first + count; i++)
            {
                var timestamp = start.AddMilliseconds(i * 10);
                sent.Add(Call(json, random, $"{prefix}-{i:D7}", prefix, people, visitors, timestamp));
            }
            json.WriteEndArray();
            json.WriteString("sentAt", now);
            json.WriteEndObject();
            json.Flush();
            batches.Add(new Batch(buffer.WrittenSpan.ToArray(), count));
        }
        return (batches, sent);
    }

    private static SentEvent Call(Utf8JsonWriter json, Random random, string messageId, string prefix, int people, int visitors, DateTime timestamp)
    {
        var roll = random.NextDouble();
        var member = random.Next(people);
        var userId = $"{prefix}-member-{member:D6}";
        json.WriteStartObject();
        json.WriteString("messageId", messageId);
        json.WriteString("timestamp", timestamp);
        json.WriteStartObject("context");
        json.WriteStartObject("library");
        json.WriteString("name", "analytics-node");
        json.WriteString("version", "2.1.2");
        json.WriteEndObject();
        json.WriteString("locale", "zh-CN");
        json.WriteEndObject();
        SentEvent result;
        if (roll < 0.20)
        {
            var traits = new JsonObject
            {
                ["name"] = Surnames[member % Surnames.Length] + Given[member / Surnames.Length % Given.Length],
                ["gender"] = member % 2 == 0 ? "female" : "male",
                ["city"] = Cities[member % Cities.Length],
                ["member_level"] = (member % 5) switch { 0 => "gold", 1 or 2 => "silver", _ => "regular" },
            };
            var stored = traits.ToJsonString();
            // Half of the people give a mobile, always the same one; it becomes an encrypted identity, not a trait on the timeline.
            if (member % 2 == 0) traits["phone"] = "139" + member.ToString("D8", CultureInfo.InvariantCulture);
            json.WriteString("type", "identify");
            json.WriteString("userId", userId);
            json.WritePropertyName("traits");
            traits.WriteTo(json);
            result = new SentEvent(messageId, userId, "Identified", null, stored, timestamp);
        }
        else if (roll < 0.21)
        {
            var visitor = $"{prefix}-visitor-{random.Next(visitors):D6}";
            json.WriteString("type", "alias");
            json.WriteString("previousId", visitor);
            json.WriteString("userId", userId);
            result = new SentEvent(messageId, userId, "Aliased", visitor, null, timestamp);
        }
        else
        {
            var anonymous = random.NextDouble() < 0.12;
            var person = anonymous ? $"{prefix}-visitor-{random.Next(visitors):D6}" : userId;
            var name = Events[random.Next(Events.Length)];
            var properties = new JsonObject
            {
                ["product_id"] = $"sku-{random.Next(500):D4}",
                ["category"] = Categories[random.Next(Categories.Length)],
                ["price"] = Math.Round(9.9m + random.Next(0, 30000) / 100m, 2),
                ["currency"] = "CNY",
                ["quantity"] = 1 + random.Next(3),
                ["store_id"] = $"store-{random.Next(200):D3}",
            };
            json.WriteString("type", "track");
            json.WriteString("event", name);
            if (anonymous) json.WriteString("anonymousId", person);
            else
            {
                json.WriteString("userId", userId);
                if (random.NextDouble() < 0.25) json.WriteString("anonymousId", $"{prefix}-device-{member:D6}");
            }
            json.WritePropertyName("properties");
            properties.WriteTo(json);
            result = new SentEvent(messageId, person, "Tracked", name, properties.ToJsonString(), timestamp);
        }
        json.WriteEndObject();
        return result;
    }
}
