using System.Text.Json;
using Waterwheel.Customers.Ingest;

namespace Waterwheel.Customers.Tests.Unit;

public sealed class TrackingParserTests
{
    private static readonly DateTime Received = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Source = Guid.NewGuid();

    private static (TrackingMessage? Message, Dictionary<string, string[]> Errors) Parse(string json, string? type = null, string path = "")
    {
        var errors = new Dictionary<string, string[]>();
        using var document = JsonDocument.Parse(json);
        return (TrackingParser.Parse(document.RootElement, type, Source, Received, null, path, errors), errors);
    }

    [Fact]
    public void A_track_call_is_read_with_its_properties_and_external_ids()
    {
        var (message, errors) = Parse("""
            {"userId":"u-1","event":"Order Completed","messageId":"m-1","properties":{"total":99.5},
             "context":{"externalIds":[{"id":"oUnion1","type":"unionid","collection":"users","encoding":"none"}]}}
            """, "track");
        Assert.Empty(errors);
        Assert.Equal(("track", "u-1", "Order Completed", "m-1"), (message!.Type, message.UserId, message.Event, message.MessageId));
        Assert.Equal(99.5, message.Properties!["total"]!.GetValue<double>());
        Assert.Equal(new ExternalId("unionid", "oUnion1"), Assert.Single(message.ExternalIds));
        Assert.Equal(Received, message.Timestamp);
    }

    [Fact]
    public void Numeric_ids_are_the_same_ids_as_text() =>
        Assert.Equal("12345", Parse("""{"userId":12345,"traits":{}}""", "identify").Message!.UserId);

    [Fact]
    public void Every_problem_of_a_call_is_named_with_its_path()
    {
        var (message, errors) = Parse("""{"event":"","properties":[1],"timestamp":"yesterday"}""", "track", "batch[2]");
        Assert.Null(message);
        Assert.Equal(["batch[2].event", "batch[2].properties", "batch[2].timestamp", "batch[2].userId"], errors.Keys.Order().ToArray());
    }

    [Theory]
    [InlineData("""{"type":"purchase","userId":"u"}""", "type")]
    [InlineData("""{"type":"alias","userId":"u"}""", "previousId")]
    [InlineData("""{"type":"group","userId":"u"}""", "groupId")]
    [InlineData("""{"type":"identify","userId":{"id":1}}""", "userId")]
    public void A_call_missing_what_its_type_needs_is_refused(string json, string field) =>
        Assert.Contains(field, Parse(json).Errors.Keys);

    [Fact]
    public void Traits_sent_in_the_context_count_for_identify() =>
        Assert.Equal("李娜", Parse("""{"anonymousId":"a-1","context":{"traits":{"name":"李娜"}}}""", "identify").Message!.Traits!["name"]!.GetValue<string>());

    [Fact]
    public void A_call_over_32_KB_is_refused_whole() =>
        Assert.Contains("body", Parse("{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"x\":\"" + new string('a', 33 * 1024) + "\"}}", "track").Errors.Keys);
}
