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

    /// <summary>Whether the person agreed to marketing by SMS (是/否, Y/N, 同意/不同意…), as a POS signup form records it.</summary>
    SmsConsent,

    /// <summary>Whether the person agreed to marketing by email.</summary>
    EmailConsent,

    /// <summary>Whether the person agreed to one-to-one marketing messages on WeCom.</summary>
    WeComConsent,
}
