using Waterwheel.Platform.Contracts;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Relationships;

namespace Waterwheel.Customers.Tests.Unit;

public sealed class OwnershipTests
{
    private static readonly DateTime Day = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CustomerRelationship Relation(string staff, int day, Guid? store, RelationshipStatus status = RelationshipStatus.Active) =>
        new() { ExternalUserId = "wm1", StaffUserId = staff, AddedAt = Day.AddDays(day), StoreId = store, Status = status };

    [Fact]
    public void The_earliest_active_relationship_with_a_store_owns_the_customer()
    {
        var store = Guid.NewGuid();
        var owning = Ownership.Owning([Relation("hq.service", 0, null), Relation("guide.b", 3, Guid.NewGuid()), Relation("guide.a", 2, store)]);
        Assert.Equal("guide.a", owning!.StaffUserId);
    }

    [Fact]
    public void A_lost_relationship_does_not_own_the_customer() =>
        Assert.Equal("guide.b", Ownership.Owning([Relation("guide.a", 0, Guid.NewGuid(), RelationshipStatus.Lost), Relation("guide.b", 5, Guid.NewGuid())])!.StaffUserId);

    [Fact]
    public void With_no_active_relationship_the_last_owner_stays()
    {
        var dealer = Guid.NewGuid();
        var profile = new CustomerProfile { OwnerDealerId = dealer, OwnerOrgPath = "/a/b/" };
        Ownership.Apply(profile, Ownership.Owning([Relation("guide.a", 0, Guid.NewGuid(), RelationshipStatus.Lost)]), null);
        Assert.Equal(dealer, profile.OwnerDealerId);
        Assert.Equal("/a/b/", profile.OwnerOrgPath);
    }

    [Fact]
    public void A_dealers_store_makes_the_customer_the_dealers()
    {
        var store = Guid.NewGuid();
        var dealer = Guid.NewGuid();
        var profile = new CustomerProfile();
        Ownership.Apply(profile, Relation("guide.a", 0, store), new StoreRef(store, "D1", "滨江店", "杭州市", "/hq/r/d/", dealer, "杭州禾丰商贸"));
        Assert.Equal((store, "/hq/r/d/", (Guid?)dealer), (profile.OwnerStoreId!.Value, profile.OwnerOrgPath, profile.OwnerDealerId));
    }
}
