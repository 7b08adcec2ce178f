using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Waterwheel.Platform.Demo;

namespace Waterwheel.Platform.Access;

/// <summary>
/// Outside demo mode nobody may choose the published demo password, so the start-up check (no account holds it) stays
/// true while the server runs.
/// </summary>
internal sealed class NotTheDemoPassword(IConfiguration configuration) : IPasswordValidator<StaffAccount>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffAccount> manager, StaffAccount user, string? password)
    {
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        return Task.FromResult(!demo.Enabled && password == DemoOptions.DefaultPassword
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordIsDemoPassword", Description = "This is the published demo password; choose another." })
            : IdentityResult.Success);
    }
}
