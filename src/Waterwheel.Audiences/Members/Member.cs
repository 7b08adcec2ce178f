namespace Waterwheel.Audiences.Members;

/// <summary>
/// One customer as segments see them, keyed by their dense per-tenant ordinal (ADR 13): the truth the per-node index is
/// a cache of. One column per built-in field, at the index's scale (fen for money), named as <see cref="Sql.MemberTables"/>
/// lays them out so that the SQL translator reads this table as it is; custom attributes in one JSON object.
/// </summary>
internal sealed class Member
{
    public Guid TenantId { get; init; }
    public int Ordinal { get; init; }
    public Guid ProfileId { get; init; }

    /// <summary>The owning store's place in the organisation: a dealer admin's scope is a prefix of it, as in Customers.</summary>
    public string OwnerOrgPath { get; set; } = "/";

    public string? Gender { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? LifecycleStage { get; set; }
    public string? OwnerStore { get; set; }
    public string? OwnerStaff { get; set; }
    public string? OwnerDealer { get; set; }
    public long? OrderCount { get; set; }
    public long? TotalSpent { get; set; }
    public long? AverageOrderValue { get; set; }
    public DateOnly? LastOrderOn { get; set; }
    public DateOnly? FirstSeenOn { get; set; }
    public DateOnly? Birthday { get; set; }
    public long? RfmR { get; set; }
    public long? RfmF { get; set; }
    public long? RfmM { get; set; }
    public bool? ConsentWecom { get; set; }
    public bool? ConsentSms { get; set; }
    public bool? ConsentEmail { get; set; }
    public string? Attributes { get; set; }
}

/// <summary>One (customer, tag) pair as the index keeps it: the key is also how SQL finds a tag's customers.</summary>
internal sealed class MemberTag
{
    public Guid TenantId { get; init; }
    public Guid TagId { get; init; }
    public int Ordinal { get; init; }
}

/// <summary>The highest ordinal a tenant has handed out; ordinals are never reused, so a frozen pack never names someone else.</summary>
internal sealed class OrdinalCounter
{
    public Guid TenantId { get; init; }
    public int Last { get; set; }
}
