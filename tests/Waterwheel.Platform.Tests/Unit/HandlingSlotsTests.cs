using System.Diagnostics;
using Waterwheel.Platform.Messaging;

namespace Waterwheel.Platform.Tests.Unit;

/// <summary>Handling makes room for accepts: while stored messages wait past the target, only a few handlers run.</summary>
public sealed class HandlingSlotsTests
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(20);

    // The pressure reads a clock the test moves by hand, so "lately" means what the test says.
    private long _now = Stopwatch.Frequency * 100;

    private AcceptPressure Pressure() => new(Target, () => _now);

    [Fact]
    public void One_slow_commit_is_not_pressure_but_a_run_of_them_is()
    {
        var pressure = Pressure();
        pressure.Record(TimeSpan.FromMilliseconds(60));
        Assert.False(pressure.Behind);
        for (var i = 0; i < 5; i++) pressure.Record(TimeSpan.FromMilliseconds(60));
        Assert.True(pressure.Behind);
    }

    [Fact]
    public void Pressure_passes_when_commits_are_quick_again_or_nothing_was_stored_for_a_second()
    {
        var pressure = Pressure();
        for (var i = 0; i < 10; i++) pressure.Record(TimeSpan.FromMilliseconds(200));
        Assert.True(pressure.Behind);
        _now += Stopwatch.Frequency * 2;
        Assert.False(pressure.Behind);

        for (var i = 0; i < 10; i++) pressure.Record(TimeSpan.FromMilliseconds(200));
        Assert.True(pressure.Behind);
        for (var i = 0; i < 20; i++) pressure.Record(TimeSpan.FromMilliseconds(1));
        Assert.False(pressure.Behind);
    }

    [Fact]
    public async Task Under_pressure_only_the_allowed_handlers_run_and_a_freed_slot_lets_the_next_in()
    {
        var pressure = Pressure();
        for (var i = 0; i < 10; i++) pressure.Record(TimeSpan.FromMilliseconds(200));
        var slots = new HandlingSlots(pressure, underPressure: 2);

        var first = await slots.Enter(CancellationToken.None);
        var second = await slots.Enter(CancellationToken.None);
        var third = slots.Enter(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, slots.Running);

        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        second.Dispose();
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task Without_pressure_every_handler_runs_at_once()
    {
        var slots = new HandlingSlots(Pressure(), underPressure: 2);
        var entered = new List<HandlingSlots.Slot>();
        for (var i = 0; i < 10; i++) entered.Add(await slots.Enter(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(10, slots.Running);
        entered.ForEach(s => s.Dispose());
        Assert.Equal(0, slots.Running);
    }
}
