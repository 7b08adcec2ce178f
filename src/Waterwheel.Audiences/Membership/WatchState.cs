namespace Waterwheel.Audiences.Membership;

/// <summary>What a watched condition's members are kept for: a saved segment's enter/exit events, or a rule tag's holders.</summary>
internal enum WatchKind { Segment, RuleTag }

/// <summary>
/// Who matched a watched condition (a saved segment or a rule tag) when it was last looked at: the members as a portable
/// Roaring bitmap of ordinals, the condition's hash (an edit is a change to announce), the change-log position of the
/// index that evaluated it (a node whose index is behind that never evaluates it, so the members never go backwards)
/// and the tenant's day (a condition over "the last N days" changes with the date alone).
/// </summary>
internal sealed class WatchState
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public WatchKind Kind { get; init; }
    public string ExpressionHash { get; set; } = "";
    public byte[] Members { get; set; } = [];
    public long Sequence { get; set; }
    public DateOnly Day { get; set; }
    public DateTime UpdatedAt { get; set; }
}
