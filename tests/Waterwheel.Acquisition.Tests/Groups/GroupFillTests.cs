using Waterwheel.Acquisition.Groups;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Tests.Groups;

/// <summary>Which groups a join way holds: those under the cap in order, five at most, and the last one standing when all are full.</summary>
public sealed class GroupFillTests
{
    private static GroupCode Code(int cap, params string[] chats) => new() { Cap = cap, ChatIds = [.. chats] };

    private static Dictionary<string, CustomerGroupInfo> Counts(params (string Chat, int Members, bool Active)[] groups) =>
        groups.ToDictionary(g => g.Chat, g => new CustomerGroupInfo(g.Chat, g.Chat, "owner", g.Members, g.Active));

    [Fact]
    public void Groups_under_the_cap_are_held_in_order_and_full_or_dismissed_ones_leave() =>
        Assert.Equal(["b", "d"], GroupFill.Plan(Code(10, "a", "b", "c", "d"), Counts(("a", 10, true), ("b", 9, true), ("c", 1, false), ("d", 0, true))));

    [Fact]
    public void A_group_not_yet_heard_of_counts_as_empty() =>
        Assert.Equal(["b"], GroupFill.Plan(Code(10, "a", "b"), Counts(("a", 12, true))));

    [Fact]
    public void At_most_five_are_held() =>
        Assert.Equal(5, GroupFill.Plan(Code(10, "a", "b", "c", "d", "e", "f", "g"), Counts()).Count);

    [Fact]
    public void When_all_are_full_the_last_that_still_exists_stays_so_the_QR_works()
    {
        var code = Code(3, "a", "b", "c");
        var counts = Counts(("a", 3, true), ("b", 5, true), ("c", 0, false));
        Assert.Equal(["b"], GroupFill.Plan(code, counts));
        Assert.True(GroupFill.Full(code, counts));
        Assert.False(GroupFill.Full(code, Counts(("a", 3, true), ("b", 5, true))));
    }
}
