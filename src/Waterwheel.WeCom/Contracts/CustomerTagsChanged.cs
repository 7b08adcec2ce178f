using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Contracts;

/// <summary>Why <see cref="CustomerTagsChanged"/> was published.</summary>
public enum CustomerTagsCause
{
    /// <summary>Someone changed them in WeCom (a guide in the app; WeCom reported it with edit_external_contact or an add).</summary>
    ChangedInWeCom,

    /// <summary>A sync found them changed and no callback had told us (one was missed).</summary>
    FoundAtSync,

    /// <summary>
    /// A sync met a relationship it had not known, already carrying tags. Nothing changed now: Added and Removed are
    /// empty and TagIds is the state to take, so an initial sync does not replay years of tagging as today's.
    /// </summary>
    FirstSeen,

    /// <summary>The relationship ended (the customer or the staff member deleted the other): its tags went with it.</summary>
    RelationEnded,
}

/// <summary>
/// The corp tags one staff member keeps on one customer changed in WeCom. TagIds is the relationship's whole set now
/// (apply it by ExternalUserId and StaffUserId, and a repeat changes nothing); Added and Removed say what changed;
/// Names gives the name and group of each tag the event mentions, for a timeline. Marks made through
/// <see cref="IWeComTags"/> are not announced.
/// </summary>
public sealed record CustomerTagsChanged(
    Guid TenantId, string ExternalUserId, string StaffUserId, IReadOnlyList<string> TagIds, IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed, IReadOnlyList<WeComTagName> Names, CustomerTagsCause Cause, DateTime ChangedAt) : IIntegrationEvent
{
    public static string EventName => "wecom.customer-tags-changed";
    public string? Partition => ExternalUserId;
}

/// <summary>A corp tag's name and group as stored when an event was published; empty when WeCom never described it.</summary>
public sealed record WeComTagName(string TagId, string Name, string GroupId, string GroupName);
