namespace Waterwheel.WeCom.Client;

public sealed class WeComUser
{
    public string Userid { get; init; } = "";
    public string? Name { get; init; }
    public List<long> Department { get; init; } = [];
    public long MainDepartment { get; init; }
    public string? Position { get; init; }
    public string? Mobile { get; init; }
    public string? Gender { get; init; }
    public string? Email { get; init; }
    /// <summary>1 active, 2 disabled, 4 not activated, 5 left (kept as a number: WeCom adds values).</summary>
    public int Status { get; init; }
}

public sealed class UserListResponse : WeComResponse
{
    public List<WeComUser> Userlist { get; init; } = [];
}

public partial interface IWeComClient
{
    /// <summary>user/list: the members of a department, with sub-departments when fetchChild is set (staff sync).</summary>
    Task<WeComResult<UserListResponse>> ListUsers(WeComApp app, long departmentId, bool fetchChild = false, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<UserListResponse>> ListUsers(WeComApp app, long departmentId, bool fetchChild = false, CancellationToken ct = default) =>
        _transport.Get<UserListResponse>(app, "user/list", ct,
            ("department_id", departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("fetch_child", fetchChild ? "1" : "0"));
}
