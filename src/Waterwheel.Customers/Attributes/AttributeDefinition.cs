namespace Waterwheel.Customers.Attributes;

/// <summary>What a custom attribute holds: text, a whole number, a decimal (money, sizes), a date, one of a list, or yes/no.</summary>
public enum AttributeType { String, Number, Decimal, Date, Enum, Bool }

/// <summary>
/// One attribute a brand keeps on its customers beyond the built-in ones (会员等级, 肤质, 宠物品种…). Its key is how the
/// API and identify traits name it; its label is how the console shows it. The type never changes once defined:
/// values stored under the old type would no longer read.
/// </summary>
internal sealed class AttributeDefinition
{
    public const int KeyLength = 40;
    public const int LabelLength = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string Key { get; init; }
    public string Label { get; set; } = "";
    public AttributeType Type { get; init; }

    /// <summary>For <see cref="AttributeType.Enum"/>: the values allowed, in the order the console offers them.</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>A required attribute may not be cleared, and an edit of the custom attributes must leave it set.</summary>
    public bool Required { get; set; }

    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }
}
