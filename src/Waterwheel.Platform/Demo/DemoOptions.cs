namespace Waterwheel.Platform.Demo;

/// <summary>
/// <c>Waterwheel:Demo</c> seeds a demo brand on an empty database. Outside demo mode the first tenant comes from
/// <c>Waterwheel:Bootstrap</c>, whose admin password must be set and must not be the demo one.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Waterwheel:Demo";
    public const string DefaultPassword = "waterwheel";

    public bool Enabled { get; set; }
    public string AdminPassword { get; set; } = DefaultPassword;
}

public sealed class BootstrapOptions
{
    public const string Section = "Waterwheel:Bootstrap";

    public string TenantName { get; set; } = "";
    public string TenantCode { get; set; } = "";
    public string AdminUserName { get; set; } = "admin";
    public string AdminPassword { get; set; } = "";
    public string AdminName { get; set; } = "系统管理员";
    public string AdminMobile { get; set; } = "";
}
