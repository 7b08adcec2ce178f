using Waterwheel.Audiences.Engine;
using Waterwheel.Audiences.Members;
using Waterwheel.Audiences.Segments;
using Waterwheel.Customers.Contracts;

namespace Waterwheel.Audiences.Tests.Members;

/// <summary>A profile's facts become a member row and a change-log row, and both read back as the same values.</summary>
public sealed class MemberRecordsTests
{
    private static readonly Guid Store = Guid.Parse("0193a0d6-0000-7000-8000-000000000001");

    private static FieldCatalog Catalog()
    {
        var catalog = new FieldCatalog();
        Assert.Null(catalog.AddCustom("skin_type", "肤质", CustomAttributeType.Enum));
        Assert.Null(catalog.AddCustom("height_cm", "身高", CustomAttributeType.Decimal));
        return catalog;
    }

    private static CustomerFacts Facts(IReadOnlyDictionary<string, string>? attributes = null) => new(
        Guid.NewGuid(), Store, null, null, "/hq/east/", "female", "浙江省", "杭州市", new DateOnly(1990, 5, 1), "active",
        3, 356.70m, 118.90m, new DateOnly(2026, 11, 1), new DateOnly(2025, 1, 2), 4, 3, 2, true, null, false,
        attributes ?? new Dictionary<string, string> { ["skin_type"] = "油性", ["height_cm"] = "165.5", ["unknown_key"] = "x" });

    [Fact]
    public void Facts_member_row_and_change_log_agree()
    {
        var catalog = Catalog();
        var values = MemberRecords.Values(Facts(), catalog);
        var member = new Member { TenantId = Guid.NewGuid(), Ordinal = 7, ProfileId = Guid.NewGuid() };

        Assert.True(MemberRecords.Apply(member, values, catalog, "/hq/east/"));

        Assert.Equal(35_670, member.TotalSpent);
        Assert.Equal(Store.ToString("D"), member.OwnerStore);
        Assert.Null(member.OwnerStaff);
        Assert.Null(member.ConsentSms);
        Assert.False(values.ContainsKey("unknown_key"));
        Assert.Equal(Sorted(values), Sorted(MemberRecords.Values(member, catalog)));
        Assert.Equal(Sorted(values), Sorted(MemberRecords.Read(MemberRecords.Write(values, catalog), catalog)));
    }

    [Fact]
    public void Applying_the_same_facts_again_changes_nothing()
    {
        var catalog = Catalog();
        var values = MemberRecords.Values(Facts(), catalog);
        var member = new Member();
        MemberRecords.Apply(member, values, catalog, "/");

        Assert.False(MemberRecords.Apply(member, values, catalog, "/"));
        Assert.True(MemberRecords.Apply(member, MemberRecords.Values(Facts(new Dictionary<string, string>()), catalog), catalog, "/"));
        Assert.Null(member.Attributes);
    }

    [Fact]
    public void A_value_of_an_attribute_the_catalog_does_not_know_is_named_and_skipped()
    {
        var unknown = new List<string>();
        var values = MemberRecords.Read("""{"city":"杭州市","new_attribute":"x"}""", new FieldCatalog(), unknown);

        Assert.Equal(["new_attribute"], unknown);
        Assert.Equal(FieldValue.Of("杭州市"), values["city"]);
    }

    // FieldValue compares numbers as decimals do: 118.90 equals 118.9.
    private static List<(string, FieldValue)> Sorted(Dictionary<string, FieldValue> values) =>
        values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value)).ToList();
}
