namespace Waterwheel.Customers.Imports;

/// <summary>What a file column can mean. Stored by name in mappings and templates.</summary>
public enum ImportField
{
    OrderNumber,

    /// <summary>The platform's buyer id (Taobao member name, JD PIN, Douyin user id) or a POS member card number.</summary>
    BuyerId,
    Amount,
    OrderedAt,
    PaidAt,
    OrderStatus,
    Product,
    Name,
    Phone,
    Email,
    Gender,
}
