using Microsoft.AspNetCore.Identity;

namespace Waterwheel.Platform.Access;

/// <summary>A console sign-in of one staff member. Role and scope live on the staff record.</summary>
public sealed class StaffAccount : IdentityUser<Guid>
{
    public Guid TenantId { get; set; }
    public Guid StaffId { get; set; }
}
