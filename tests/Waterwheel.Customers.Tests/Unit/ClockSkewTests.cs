using Waterwheel.Customers.Ingest;

namespace Waterwheel.Customers.Tests.Unit;

public sealed class ClockSkewTests
{
    private static readonly DateTime Received = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_phone_an_hour_fast_is_corrected_by_the_gap_between_its_timestamp_and_sentAt()
    {
        var phoneNow = new DateTimeOffset(Received.AddHours(1));
        var happened = ClockSkew.Correct(phoneNow.AddMinutes(-5), phoneNow, Received);
        Assert.Equal(Received.AddMinutes(-5), happened);
    }

    [Fact]
    public void Without_sentAt_the_timestamp_is_taken_as_it_is() =>
        Assert.Equal(Received.AddDays(-2), ClockSkew.Correct(new DateTimeOffset(Received.AddDays(-2)), null, Received));

    [Fact]
    public void Without_a_timestamp_the_event_happened_when_it_arrived() =>
        Assert.Equal(Received, ClockSkew.Correct(null, new DateTimeOffset(Received.AddHours(3)), Received));

    [Fact]
    public void A_time_in_the_future_is_never_believed() =>
        Assert.Equal(Received, ClockSkew.Correct(new DateTimeOffset(Received.AddDays(1)), null, Received));
}
