using FsCheck;
using FsCheck.Xunit;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Identity.Graph;

namespace Waterwheel.Customers.Tests.Unit.Graph;

/// <summary>The identity graph's promises, over generated link writes.</summary>
public sealed class IdentityGraphProperties
{
    private static InMemoryGraph Apply(IdentityRules rules, IEnumerable<IReadOnlyList<IdentifierKey>> writes)
    {
        var graph = new InMemoryGraph(rules);
        foreach (var write in writes) graph.Link(write);
        return graph;
    }

    [Property(MaxTest = 300)]
    public bool The_same_links_in_any_order_give_the_same_profiles(int[] codes, int seed)
    {
        var writes = codes.Select(World.Consistent).ToList();
        var inOrder = Apply(World.Marked, writes).Partition();
        return inOrder.SetEquals(Apply(World.Marked, World.Shuffled(writes, seed)).Partition())
            && inOrder.SetEquals(Apply(World.Marked, Enumerable.Reverse(writes)).Partition());
    }

    [Property(MaxTest = 300)]
    public bool Profiles_that_exist_before_the_links_end_in_the_same_survivors_in_any_order(int[] codes, int seed)
    {
        InMemoryGraph Seeded(IEnumerable<IReadOnlyList<IdentifierKey>> writes)
        {
            var graph = new InMemoryGraph(World.Marked);
            foreach (var id in World.Everyone) graph.NewProfile(id);
            foreach (var write in writes) graph.Link(write);
            return graph;
        }
        var writes = codes.Select(World.Consistent).ToList();
        return Seeded(writes).PartitionWithIds().SetEquals(Seeded(World.Shuffled(writes, seed)).PartitionWithIds());
    }

    [Property(MaxTest = 300)]
    public bool A_write_applied_twice_changes_nothing_the_second_time(int[] codes, int again)
    {
        var writes = codes.Select(World.Contradictory).ToList();
        var graph = Apply(World.Tight, writes);
        graph.Link(World.Contradictory(again));
        var once = graph.PartitionWithIds();
        var merges = graph.Merges.Count;
        graph.Link(World.Contradictory(again));
        return graph.PartitionWithIds().SetEquals(once) && graph.Merges.Count == merges;
    }

    [Property(MaxTest = 300)]
    public bool No_profile_ever_holds_more_of_a_type_than_its_maximum(int[] codes)
    {
        var graph = Apply(World.Tight, codes.Select(World.Contradictory));
        return graph.Profiles.All(p => p.GroupBy(i => i.Type).All(g => g.Count() <= World.Tight.For(g.Key).MaxPerProfile));
    }

    [Property(MaxTest = 300)]
    public bool A_merge_never_puts_two_unionids_in_one_profile(int[] codes)
    {
        // The defaults here: only the unionid's maximum of one stands between the people.
        var graph = Apply(World.Marked, codes.Select(World.Contradictory));
        return graph.Profiles.All(p => p.Count(i => i.Type == IdentityType.UnionId) <= 1);
    }

    [Property(MaxTest = 300)]
    public bool Blocked_and_shared_values_never_link_anyone(int[] codes)
    {
        var writes = codes.Select(World.Contradictory).ToList();
        var graph = Apply(World.Tight, writes);
        var without = Apply(World.Tight, writes.Select(w => w.Where(i => i != World.Blocked && i != World.Shared).ToList()));
        return graph.Partition().SetEquals(without.Partition())
            && graph.Profiles.All(p => !p.Contains(World.Blocked) && !p.Contains(World.Shared))
            && graph.Merges.All(m => !m.Cause.Contains(World.Blocked) && !m.Cause.Contains(World.Shared));
    }

    /// <summary>Found by the property above: a write led by the blocked value was taken to be about that value.</summary>
    [Fact]
    public void A_blocked_value_leading_a_write_does_not_decide_whose_write_it_is() =>
        Assert.True(Blocked_and_shared_values_never_link_anyone([15, 21]));

    [Property(MaxTest = 300)]
    public bool Undoing_a_merge_restores_the_profiles_before_it_and_the_same_link_does_not_merge_them_again(int[] codes, PositiveInt first, PositiveInt second)
    {
        var graph = Apply(World.Tight, codes.Select(World.Contradictory));
        var before = graph.PartitionWithIds();
        var profiles = graph.Profiles.Where(p => p.Count > 0).ToList();
        if (profiles.Count < 2) return true;
        var a = profiles[first.Get % profiles.Count];
        var b = profiles.Where(p => p != a).ElementAt(second.Get % (profiles.Count - 1));
        var link = new[] { a.First(), b.First() };

        var merges = graph.Merges.Count;
        graph.Link(link);
        var made = graph.Merges.Skip(merges).ToList();
        foreach (var merge in Enumerable.Reverse(made)) graph.Undo(merge);
        var restored = graph.PartitionWithIds().SetEquals(before);
        graph.Link(link);
        return restored && graph.PartitionWithIds().SetEquals(before);
    }
}
