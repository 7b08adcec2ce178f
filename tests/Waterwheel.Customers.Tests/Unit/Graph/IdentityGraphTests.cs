using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Identity.Graph;

namespace Waterwheel.Customers.Tests.Unit.Graph;

/// <summary>The graph's rules, one case each.</summary>
public sealed class IdentityGraphTests
{
    private static readonly DateTime Day = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static IdentifierKey Union(string v) => new(IdentityType.UnionId, v);
    private static IdentifierKey Contact(string v) => new(IdentityType.WeComExternalUserId, v);
    private static IdentifierKey Phone(string v) => new(IdentityType.Phone, v);

    private static GraphProfile Profile(int minutes, params IdentifierKey[] ids) => new(Guid.CreateVersion7(), Day.AddMinutes(minutes), ids);

    [Fact]
    public void A_unionid_that_another_profile_holds_merges_the_contacts_profile_into_the_older_one()
    {
        var imported = Profile(0, Union("ou1"), Phone("p1"));
        var contact = Profile(5, Contact("wm2"));
        var plan = IdentityGraph.Decide([contact, imported], [Contact("wm2"), Union("ou1")], Contact("wm2"), IdentityRules.Standard, []);
        Assert.Equal(imported.Id, plan.Survivor);
        Assert.Equal([contact.Id], plan.Merged);
        Assert.Equal([Contact("wm2"), Union("ou1")], plan.Cause);
        Assert.Empty(plan.Link);
    }

    [Fact]
    public void Two_different_unionids_are_two_people_and_the_subject_keeps_its_own_profile()
    {
        var first = Profile(0, Union("ou1"), Phone("p1"));
        var second = Profile(5, Contact("wm2"), Union("ou2"));
        var plan = IdentityGraph.Decide([first, second], [Contact("wm2"), Union("ou1")], Contact("wm2"), IdentityRules.Standard, []);
        Assert.Equal(second.Id, plan.Survivor);
        Assert.Empty(plan.Merged);
        Assert.Equal(new DroppedIdentifier(Union("ou1"), DropReason.Maximum), Assert.Single(plan.Dropped));
    }

    [Fact]
    public void A_shared_identifier_names_nobody()
    {
        var shop = Phone("057112345678");
        var rules = new IdentityRules(new Dictionary<IdentityType, TypeRule>(), new HashSet<IdentifierKey>(), new HashSet<IdentifierKey> { shop });
        var holder = Profile(0, Contact("wm1"));
        var plan = IdentityGraph.Decide([holder], [Contact("wm9"), shop], Contact("wm9"), rules, []);
        Assert.Null(plan.Survivor);
        Assert.Equal([Contact("wm9")], plan.Link);
        Assert.Equal(DropReason.Shared, Assert.Single(plan.Dropped).Reason);
    }

    [Fact]
    public void A_type_that_may_not_merge_links_to_one_profile_but_never_joins_two()
    {
        var device = new IdentifierKey(IdentityType.DeviceId, "pad");
        var rules = new IdentityRules(new Dictionary<IdentityType, TypeRule> { [IdentityType.DeviceId] = new(5, 12, MayMerge: false) },
            new HashSet<IdentifierKey>(), new HashSet<IdentifierKey>());
        var a = Profile(0, device);
        var b = Profile(1, Contact("wm2"));
        var plan = IdentityGraph.Decide([a, b], [Contact("wm2"), device], Contact("wm2"), rules, []);
        Assert.Equal((b.Id, 0), (plan.Survivor!.Value, plan.Merged.Count));
        Assert.Equal(b.Id, IdentityGraph.Decide([b], [Contact("wm2"), new IdentifierKey(IdentityType.DeviceId, "new")], Contact("wm2"), rules, []).Survivor);
    }

    [Fact]
    public void A_weak_identifier_over_its_maximum_is_dropped_while_the_rest_of_the_write_links()
    {
        var full = Profile(0, Contact("wm1"), Phone("p1"), Phone("p2"), Phone("p3"));
        var plan = IdentityGraph.Decide([full], [Contact("wm1"), Phone("p4"), Union("ou1")], Contact("wm1"), IdentityRules.Standard, []);
        Assert.Equal([Union("ou1")], plan.Link);
        Assert.Equal(new DroppedIdentifier(Phone("p4"), DropReason.Maximum), Assert.Single(plan.Dropped));
    }

    [Fact]
    public void An_undone_merge_stays_undone_for_the_same_evidence_but_not_for_new_evidence()
    {
        var a = Profile(0, Union("ou1"), Phone("p1"));
        var b = Profile(5, Contact("wm2"), Phone("p2"));
        Separation[] apart = [new(a.Id, b.Id, new HashSet<IdentifierKey> { Contact("wm2"), Union("ou1") })];
        var same = IdentityGraph.Decide([a, b], [Contact("wm2"), Union("ou1")], Contact("wm2"), IdentityRules.Standard, apart);
        Assert.Equal((b.Id, 0), (same.Survivor!.Value, same.Merged.Count));
        Assert.Equal(DropReason.Separated, Assert.Single(same.Dropped).Reason);

        var fresh = IdentityGraph.Decide([a, b], [Phone("p1"), Phone("p2")], Phone("p1"), IdentityRules.Standard, apart);
        Assert.Equal([b.Id], fresh.Merged);
    }

    [Fact]
    public void Several_profiles_fold_into_the_oldest_whatever_order_they_are_named_in()
    {
        var oldest = Profile(0, Contact("wm1"));
        var middle = Profile(1, Contact("wm2"));
        var newest = Profile(2, Contact("wm3"));
        var plan = IdentityGraph.Decide([newest, oldest, middle], [Contact("wm3"), Contact("wm2"), Contact("wm1")], Contact("wm3"), IdentityRules.Standard, []);
        Assert.Equal(oldest.Id, plan.Survivor);
        Assert.Equal([middle.Id, newest.Id], plan.Merged);
    }
}
