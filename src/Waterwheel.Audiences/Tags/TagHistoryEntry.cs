namespace Waterwheel.Audiences.Tags;

/// <summary>Why a customer's tag was given or taken, for their timeline.</summary>
public enum TagChangeCause { Manual, Rule, Channel, WeCom, Expiry, Deletion }

/// <summary>
/// One tag given to or taken from one customer: the line of their timeline that says what changed and why. The tag's
/// name is kept as it was, so a tag renamed or deleted since still reads as the customer saw it.
/// </summary>
internal sealed class TagHistoryEntry
{
    public const int ByLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid ProfileId { get; set; }
    public Guid TagId { get; init; }
    public string TagName { get; init; } = "";
    public bool Given { get; init; }
    public TagChangeCause Cause { get; init; }
    public string? By { get; init; }
    public DateTime At { get; init; }

    public static TagChangeCause Of(TagCause cause) => cause switch
    {
        TagCause.Rule => TagChangeCause.Rule,
        TagCause.Channel => TagChangeCause.Channel,
        TagCause.WeCom => TagChangeCause.WeCom,
        _ => TagChangeCause.Manual,
    };

    public static string? Fit(string? by) => by is { Length: > ByLength } ? by[..ByLength] : by;
}
