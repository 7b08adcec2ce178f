namespace Waterwheel.WeCom.Client;

/// <summary>A moment's link: the cover is an image media_id from UploadAttachment.</summary>
public sealed record MomentLink(string Url, string? Title = null, string? MediaId = null);

/// <summary>Msgtype "image", "video" or "link"; media ids come from UploadAttachment (attachment_type 1) and live 3 days.</summary>
public sealed record MomentAttachment(string Msgtype, MediaAttachment? Image = null, MediaAttachment? Video = null, MomentLink? Link = null)
{
    public static MomentAttachment ImageOf(string mediaId) => new("image", Image: new MediaAttachment(mediaId));
    public static MomentAttachment VideoOf(string mediaId) => new("video", Video: new MediaAttachment(mediaId));
    public static MomentAttachment LinkTo(MomentLink link) => new("link", Link: link);
}

/// <summary>Members who publish (≤100,000 userids, or departments); without it, every member the app can see.</summary>
public sealed record MomentSenderList(IReadOnlyList<string>? UserList = null, IReadOnlyList<long>? DepartmentList = null);

/// <summary>Customers who see the moment: those carrying any of these corp tags; without it, all of them.</summary>
public sealed record MomentCustomerList(IReadOnlyList<string> TagList);

public sealed record MomentVisibleRange(MomentSenderList? SenderList = null, MomentCustomerList? ExternalContactList = null);

/// <summary>
/// Text ≤2000 characters; attachments are up to 9 images, or 1 video, or 1 link, never mixed (41065 otherwise).
/// At least one of the two.
/// </summary>
public sealed record MomentTaskRequest(TextContent? Text = null, IReadOnlyList<MomentAttachment>? Attachments = null, MomentVisibleRange? VisibleRange = null);

public sealed class AddMomentTaskResponse : WeComResponse
{
    public string Jobid { get; init; } = "";
}

public partial interface IWeComClient
{
    /// <summary>
    /// externalcontact/add_moment_task: starts an asynchronous job that creates a 企业朋友圈 task for the members to
    /// publish; poll GetMomentTaskResult with the jobid. 41078 (too many jobs running) is retried like a busy code.
    /// </summary>
    Task<WeComResult<AddMomentTaskResponse>> AddMomentTask(WeComApp app, MomentTaskRequest request, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<AddMomentTaskResponse>> AddMomentTask(WeComApp app, MomentTaskRequest request, CancellationToken ct = default) =>
        _transport.Post<AddMomentTaskResponse>(app, "externalcontact/add_moment_task", request, ct);
}
