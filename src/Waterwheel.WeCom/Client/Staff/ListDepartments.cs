namespace Waterwheel.WeCom.Client;

public sealed class Department
{
    public long Id { get; init; }
    public string? Name { get; init; }
    public long Parentid { get; init; }
    public long Order { get; init; }
}

public sealed class DepartmentListResponse : WeComResponse
{
    public List<Department> Department { get; init; } = [];
}

public partial interface IWeComClient
{
    /// <summary>department/list: the department and its sub-departments (all visible ones when id is null).</summary>
    Task<WeComResult<DepartmentListResponse>> ListDepartments(WeComApp app, long? id = null, CancellationToken ct = default);
}

internal sealed partial class WeComClient
{
    public Task<WeComResult<DepartmentListResponse>> ListDepartments(WeComApp app, long? id = null, CancellationToken ct = default) =>
        _transport.Get<DepartmentListResponse>(app, "department/list", ct, ("id", id?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
