using Waterwheel.Platform.Messaging;

namespace Waterwheel.Audiences.WeComSync;

// What this module asks of WeCom goes through its own outbox, written in the transaction of the change: a WeCom that is
// slow or down never fails or slows an operator's save, and a node that dies after the commit still sends it.

/// <summary>These WeCom corp tags are to be put on (Add) or taken off (Remove) the customer in WeCom.</summary>
internal sealed record WeComMarksWanted(Guid TenantId, Guid ProfileId, IReadOnlyList<string> Add, IReadOnlyList<string> Remove) : IIntegrationEvent
{
    public static string EventName => "audiences.wecom-marks-wanted";
    public string? Partition => ProfileId.ToString("N");
}

/// <summary>A synced tag group or one of its tags was made or renamed here: WeCom is to have it as it is now.</summary>
internal sealed record WeComGroupWanted(Guid TenantId, Guid GroupId) : IIntegrationEvent
{
    public static string EventName => "audiences.wecom-group-wanted";

    // One group's pushes in order, so that two tags made at once in a new group make one group in WeCom, not two.
    public string? Partition => $"tag-group:{GroupId:N}";
}

/// <summary>A synced tag was deleted here: it goes from WeCom too (and from every customer there).</summary>
internal sealed record WeComTagDeletionWanted(Guid TenantId, Guid GroupId, string WeComTagId) : IIntegrationEvent
{
    public static string EventName => "audiences.wecom-tag-deletion";
    public string? Partition => $"tag-group:{GroupId:N}";
}
