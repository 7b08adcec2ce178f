using Waterwheel.Platform.Messaging;

namespace Waterwheel.WeCom.Contracts;

/// <summary>How a corp tag or group changed in WeCom.</summary>
public enum CorpTagChange
{
    /// <summary>New to Waterwheel: made in WeCom, or first seen by a sync.</summary>
    Created,

    /// <summary>Renamed or reordered: the event carries the name and order it has now.</summary>
    Updated,

    /// <summary>Gone from WeCom; it came off every customer with it.</summary>
    Deleted,
}

/// <summary>
/// A corp tag group was made, renamed, reordered or deleted in WeCom (change_external_tag, or a sync that found the
/// difference). It carries the group's state, not a delta: apply it by GroupId, and consuming it twice changes nothing.
/// Changes made through <see cref="IWeComTags"/> are not announced.
/// </summary>
public sealed record CorpTagGroupChanged(Guid TenantId, string GroupId, string Name, long Order, DateTime CreatedAt, CorpTagChange Change, DateTime ChangedAt)
    : IIntegrationEvent
{
    public static string EventName => "wecom.corp-tag-group-changed";
    public string? Partition => CorpTagPartition.Of(GroupId);
}

/// <summary>
/// A corp tag was made, renamed, reordered or deleted in WeCom. It carries the tag's state and its group's name, so a
/// consumer that has not seen the group yet can make it: apply it by TagId. A tag deleted with its group is announced
/// too. Changes made through <see cref="IWeComTags"/> are not announced.
/// </summary>
public sealed record CorpTagChanged(
    Guid TenantId, string TagId, string GroupId, string GroupName, string Name, long Order, DateTime CreatedAt, CorpTagChange Change, DateTime ChangedAt)
    : IIntegrationEvent
{
    public static string EventName => "wecom.corp-tag-changed";
    public string? Partition => CorpTagPartition.Of(GroupId);
}

internal static class CorpTagPartition
{
    // A group's events and its tags' share one partition, so each subscriber sees them in the order they happened.
    public static string Of(string groupId) => $"corp-tag-group:{groupId}";
}
