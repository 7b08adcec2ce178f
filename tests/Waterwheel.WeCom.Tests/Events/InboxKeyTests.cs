using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Callbacks.Events;
using Waterwheel.WeCom.Callbacks.Receiver;

namespace Waterwheel.WeCom.Tests.Events;

public sealed class InboxKeyTests
{
    [Fact]
    public void The_receiver_bounds_keys_to_the_inbox_columns()
    {
        Assert.Equal(InboxMessageConfiguration.DedupeKeyLength, InboxKeys.DedupeKeyLength);
        Assert.Equal(InboxMessageConfiguration.PartitionLength, InboxKeys.PartitionLength);
    }

    [Fact]
    public void A_short_value_is_kept_as_it_is()
    {
        Assert.Equal("sys|1|x", InboxKeys.Bound("sys|1|x", 200));
    }

    [Fact]
    public void A_long_value_keeps_its_start_and_ends_in_a_hash_of_the_whole()
    {
        var a = new string('a', 150) + new string('b', 100);
        var b = new string('a', 150) + new string('c', 100);

        var bounded = InboxKeys.Bound(a, 200);

        Assert.Equal(200, bounded.Length);
        Assert.StartsWith(new string('a', 100), bounded);
        Assert.Equal(bounded, InboxKeys.Bound(a, 200));
        Assert.NotEqual(bounded, InboxKeys.Bound(b, 200));
    }

    [Fact]
    public void A_long_value_is_never_cut_inside_a_surrogate_pair()
    {
        var value = new string('a', 134) + string.Concat(Enumerable.Repeat("😀", 100));

        var bounded = InboxKeys.Bound(value, 200);

        Assert.True(bounded.Length <= 200);
        Assert.False(char.IsHighSurrogate(bounded[bounded.IndexOf('#') - 1]));
    }

    [Fact]
    public void A_group_update_key_does_not_grow_with_its_member_list()
    {
        string Update(int members) => EventXml.Of("change_external_chat", "update",
            "<ChatId>wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA</ChatId><UpdateDetail>add_member</UpdateDetail>" +
            $"<MemChangeList>{string.Concat(Enumerable.Range(0, members).Select(i => $"<Item>wm{i:D30}</Item>"))}</MemChangeList>" +
            "<CurMemVer>71217227bbd112ecfe3a49c482195cb4</CurMemVer>");

        var one = WeComEventParser.Parse(Update(1)).Value!.DedupeKey;
        var many = WeComEventParser.Parse(Update(200)).Value!.DedupeKey;

        Assert.Equal(one.Length, many.Length);
        // It fits whole: the readable key is not cut and hashed by the inbox bound.
        Assert.DoesNotContain('#', InboxKeys.DedupeKey(Guid.NewGuid(), WeComEventParser.Parse(Update(200)).Value!));
    }
}
