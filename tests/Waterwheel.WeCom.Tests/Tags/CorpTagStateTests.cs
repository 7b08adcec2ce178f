using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Tests.Tags;

/// <summary>Which change, if any, a stored group or tag went through: the rule every announcement rests on.</summary>
public sealed class CorpTagStateTests
{
    private static readonly CorpTagState Live = new("甜", 1, false);

    [Fact]
    public void Appearing_is_a_creation_and_going_is_a_deletion()
    {
        Assert.Equal(CorpTagChange.Created, new CorpTagState("", 0, true).To(Live));
        Assert.Equal(CorpTagChange.Deleted, Live.To(Live with { Deleted = true }));
    }

    [Fact]
    public void A_new_name_or_order_is_an_update_and_nothing_new_is_no_change()
    {
        Assert.Equal(CorpTagChange.Updated, Live.To(Live with { Name = "甜口" }));
        Assert.Equal(CorpTagChange.Updated, Live.To(Live with { Order = 2 }));
        Assert.Null(Live.To(Live));
        // Something WeCom reports as already deleted, never seen live here, is nothing to announce.
        Assert.Null(new CorpTagState("", 0, true).To(new CorpTagState("旧", 3, true)));
    }
}
