namespace Waterwheel.Audiences.Members;

/// <summary>What one change does to a customer in the index.</summary>
internal enum MemberChangeKind { Values, Remove, SetTag, ClearTag }

/// <summary>
/// One change to the members' truth, appended in the transaction that makes it, which every node tails in
/// <see cref="Sequence"/> order to keep its index current (ADR 13). Each row carries the new state, not a delta
/// (a customer's field values whole, or one tag set or cleared), so a row applied twice does no harm.
/// </summary>
internal sealed class MemberChange
{
    public long Sequence { get; init; }
    public Guid TenantId { get; init; }
    public int Ordinal { get; init; }
    public MemberChangeKind Kind { get; init; }
    public Guid? TagId { get; init; }

    /// <summary>For <see cref="MemberChangeKind.Values"/>: the customer's field values, as <see cref="MemberRecords"/> writes them.</summary>
    public string? Values { get; init; }

    public DateTime At { get; init; }
}
