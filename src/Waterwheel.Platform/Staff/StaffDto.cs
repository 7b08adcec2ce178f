using FluentValidation;


namespace Waterwheel.Platform.Staff;

/// <summary>A staff member as lists and forms see them: the mobile number only masked.</summary>
[CsvHelper.CsvRecord]
public sealed partial record StaffDto(
    Guid Id, string Name, string MobileMasked, string? WeComUserId, StaffRole Role, Guid OrgUnitId, Guid? StoreId,
    StaffStatus Status, DateTime JoinedAt, DateTime? LeftAt, string? UserName, int Version);

public sealed record SaveStaffRequest
{
    public string Name { get; set; } = "";

    /// <summary>Required when creating; when editing, empty keeps the current number.</summary>
    public string? Mobile { get; set; }
    public string? WeComUserId { get; set; }
    public StaffRole Role { get; set; } = StaffRole.Guide;

    /// <summary>For head-office and dealer roles: the unit they work in.</summary>
    public Guid? OrgUnitId { get; set; }

    /// <summary>For store managers and guides: their store.</summary>
    public Guid? StoreId { get; set; }
}

internal sealed class SaveStaffValidator : FluentValidation.AbstractValidator<SaveStaffRequest>
{
    public SaveStaffValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(60).Plain();
        RuleFor(r => r.Mobile).Must(m => string.IsNullOrWhiteSpace(m) || Pii.PhoneNumbers.IsMainlandMobile(m))
            .WithMessage(_ => ValidationText.Get("MainlandMobile"));
        RuleFor(r => r.WeComUserId).MaximumLength(64).Matches("^[A-Za-z0-9_.@-]*$");
        RuleFor(r => r.Role).IsInEnum();
        RuleFor(r => r.StoreId).NotEmpty().When(r => r.Role.WorksInStore());
        RuleFor(r => r.OrgUnitId).NotEmpty().When(r => !r.Role.WorksInStore());
    }
}
