namespace Waterwheel.WeCom.Client;

/// <summary>
/// One member's side of the relation as batch/get_by_user returns it: a single object with tag ids only, not the
/// follow_user array that externalcontact/get returns.
/// </summary>
public sealed class FollowInfo
{
    public string Userid { get; init; } = "";
    public string? Remark { get; init; }
    public string? Description { get; init; }
    public long Createtime { get; init; }
    public List<string> TagId { get; init; } = [];
    public string? RemarkCorpName { get; init; }
    public List<string> RemarkMobiles { get; init; } = [];
    public string? OperUserid { get; init; }
    public int AddWay { get; init; }
    public string? State { get; init; }
}

public sealed class CustomerOfUser
{
    public ExternalContact? ExternalContact { get; init; }
    public FollowInfo? FollowInfo { get; init; }
}

public sealed record BatchGetByUserRequest(IReadOnlyList<string> UseridList, string? Cursor = null, int? Limit = null);

public sealed class BatchGetByUserResponse : WeComResponse
{
    public List<CustomerOfUser> ExternalContactList { get; init; } = [];
    /// <summary>Empty on the last page.</summary>
    public string? NextCursor { get; init; }
}

public partial interface IWeComClient
{
    /// <summary>externalcontact/batch/get_by_user: one page (≤100 members, limit ≤100) of customers with follow info.</summary>
    Task<WeComResult<BatchGetByUserResponse>> BatchGetByUser(WeComApp app, BatchGetByUserRequest request, CancellationToken ct = default);

    /// <summary>
    /// Walks every page of batch/get_by_user. Yields each customer; if a page fails, yields that error once and stops,
    /// so a sync knows it saw only part of the list.
    /// </summary>
    IAsyncEnumerable<WeComResult<CustomerOfUser>> EnumerateCustomersOf(WeComApp app, IReadOnlyList<string> userids, int limit = 100, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<BatchGetByUserResponse>> BatchGetByUser(WeComApp app, BatchGetByUserRequest request, CancellationToken ct = default) =>
        _transport.Post<BatchGetByUserResponse>(app, "externalcontact/batch/get_by_user", request, ct);

    public async IAsyncEnumerable<WeComResult<CustomerOfUser>> EnumerateCustomersOf(WeComApp app, IReadOnlyList<string> userids, int limit = 100,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? cursor = null;
        do
        {
            var page = await BatchGetByUser(app, new BatchGetByUserRequest(userids, cursor, limit), ct);
            if (!page.IsSuccess)
            {
                yield return page.Error!;
                yield break;
            }
            foreach (var customer in page.Value!.ExternalContactList) yield return customer;
            cursor = page.Value.NextCursor;
        } while (!string.IsNullOrEmpty(cursor));
    }
}
