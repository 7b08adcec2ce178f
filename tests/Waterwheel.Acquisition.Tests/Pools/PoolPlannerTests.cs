using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Pools;
using Waterwheel.Acquisition.Welcome;

namespace Waterwheel.Acquisition.Tests.Pools;

/// <summary>Which staff a code's way holds: schedule, caps, backups and the three policies.</summary>
public sealed class PoolPlannerTests
{
    // A Monday at 10:00 local.
    private static readonly DateTime Monday10 = new(2026, 11, 30, 10, 0, 0);

    private static LiveCode Code(AssignmentPolicy policy, PoolSchedule? schedule = null, string? last = null) => new()
    {
        Policy = policy, Schedule = schedule ?? PoolSchedule.Always, LastUserId = last,
        Pool = [new(Guid.NewGuid(), "a", 2, false), new(Guid.NewGuid(), "b", 2, false), new(Guid.NewGuid(), "c", null, false), new(Guid.NewGuid(), "z", 5, true)],
    };

    private static Dictionary<string, int> Adds(params (string User, int Count)[] adds) => adds.ToDictionary(a => a.User, a => a.Count);

    [Fact]
    public void Random_offers_every_primary_under_their_cap()
    {
        Assert.Equal(["a", "b", "c"], PoolPlanner.Plan(Code(AssignmentPolicy.Random), Monday10, Adds()));
        Assert.Equal(["b", "c"], PoolPlanner.Plan(Code(AssignmentPolicy.Random), Monday10, Adds(("a", 2))));
    }

    [Fact]
    public void Least_loaded_offers_those_with_the_fewest_adds_today()
    {
        Assert.Equal(["c"], PoolPlanner.Plan(Code(AssignmentPolicy.LeastLoaded), Monday10, Adds(("a", 1), ("b", 1))));
        Assert.Equal(["b", "c"], PoolPlanner.Plan(Code(AssignmentPolicy.LeastLoaded), Monday10, Adds(("a", 1))));
    }

    [Fact]
    public void Round_robin_offers_the_next_open_primary_after_the_last_one_wrapping_round()
    {
        Assert.Equal(["a"], PoolPlanner.Plan(Code(AssignmentPolicy.RoundRobin), Monday10, Adds()));
        Assert.Equal(["b"], PoolPlanner.Plan(Code(AssignmentPolicy.RoundRobin, last: "a"), Monday10, Adds()));
        Assert.Equal(["a"], PoolPlanner.Plan(Code(AssignmentPolicy.RoundRobin, last: "c"), Monday10, Adds()));
        // b is full: after a comes c.
        Assert.Equal(["c"], PoolPlanner.Plan(Code(AssignmentPolicy.RoundRobin, last: "a"), Monday10, Adds(("b", 2))));
    }

    [Fact]
    public void Backups_take_adds_outside_the_schedule_and_when_every_primary_is_full()
    {
        var weekdaysNineToSix = new PoolSchedule(0b011_1110, 9 * 60, 18 * 60);
        Assert.Equal(["a", "b", "c"], PoolPlanner.Plan(Code(AssignmentPolicy.Random, weekdaysNineToSix), Monday10, Adds()));
        Assert.Equal(["z"], PoolPlanner.Plan(Code(AssignmentPolicy.Random, weekdaysNineToSix), Monday10.AddHours(9), Adds()));
        Assert.Equal(["z"], PoolPlanner.Plan(Code(AssignmentPolicy.Random, weekdaysNineToSix), Monday10.AddDays(-1), Adds()));
        var capped = Code(AssignmentPolicy.Random);
        capped.Pool = [.. capped.Pool.Where(m => m.WeComUserId != "c")];
        Assert.Equal(["z"], PoolPlanner.Plan(capped, Monday10, Adds(("a", 2), ("b", 2))));
    }

    [Fact]
    public void When_everyone_is_full_the_QR_keeps_working_on_the_backups_or_else_the_primaries()
    {
        var code = Code(AssignmentPolicy.Random);
        code.Pool = [.. code.Pool.Where(m => m.WeComUserId != "c")];
        Assert.Equal(["z"], PoolPlanner.Plan(code, Monday10, Adds(("a", 2), ("b", 2), ("z", 5))));
        code.Pool = [.. code.Pool.Where(m => !m.Backup)];
        Assert.Equal(["a", "b"], PoolPlanner.Plan(code, Monday10, Adds(("a", 2), ("b", 2))));
    }

    [Fact]
    public void Merge_fields_are_filled_and_missing_ones_left_empty()
    {
        Assert.Equal("李雷您好，我是王芳，欢迎来到滨江店", CodeWelcomes.Fill("{客户昵称}您好，我是{导购姓名}，欢迎来到{门店名称}", "李雷", "王芳", "滨江店"));
        Assert.Equal("您好，我是王芳", CodeWelcomes.Fill("{客户昵称}您好，我是{导购姓名}{门店名称}", null, "王芳", null));
    }
}
