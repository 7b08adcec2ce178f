namespace Waterwheel.WeCom.Client;

public sealed class InvalidSenders
{
    public List<string> UserList { get; init; } = [];
    public List<long> DepartmentList { get; init; } = [];
}

public sealed class InvalidCustomers
{
    public List<string> TagList { get; init; } = [];
}

/// <summary>The outcome of a finished job: the moment's id and the parts of the visible range WeCom could not use.</summary>
public sealed class MomentTaskOutcome
{
    public int Errcode { get; init; }
    public string? Errmsg { get; init; }
    public string MomentId { get; init; } = "";
    public InvalidSenders InvalidSenderList { get; init; } = new();
    public InvalidCustomers InvalidExternalContactList { get; init; } = new();
}

public sealed class MomentTaskResultResponse : WeComResponse
{
    /// <summary>1 started, 2 running, 3 done; <see cref="Result"/> is set once done.</summary>
    public int Status { get; init; }
    /// <summary>"add_moment_task".</summary>
    public string? Type { get; init; }
    public MomentTaskOutcome? Result { get; init; }

    public bool IsDone => Status == 3;
}

public partial interface IWeComClient
{
    /// <summary>GET externalcontact/get_moment_task_result: the progress of an AddMomentTask job.</summary>
    Task<WeComResult<MomentTaskResultResponse>> GetMomentTaskResult(WeComApp app, string jobid, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<MomentTaskResultResponse>> GetMomentTaskResult(WeComApp app, string jobid, CancellationToken ct = default) =>
        _transport.Get<MomentTaskResultResponse>(app, "externalcontact/get_moment_task_result", ct, ("jobid", jobid));
}
