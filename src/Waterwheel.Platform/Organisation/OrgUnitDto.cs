using FluentValidation;

namespace Waterwheel.Platform.Organisation;

public sealed record OrgUnitDto(Guid Id, Guid? ParentId, OrgUnitKind Kind, string Name, string Code, bool IsActive, int Depth, int Version,
    bool SharesCustomerDetails)
{
    internal static OrgUnitDto From(OrgUnit u) =>
        new(u.Id, u.ParentId, u.Kind, u.Name, u.Code, u.IsActive, u.Path.Count(c => c == '/') - 2, u.Version, u.SharesCustomerDetails);
}

public sealed record SaveOrgUnitRequest
{
    public Guid? ParentId { get; set; }
    public OrgUnitKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

internal sealed class SaveOrgUnitValidator : FluentValidation.AbstractValidator<SaveOrgUnitRequest>
{
    public SaveOrgUnitValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).Plain();
        RuleFor(r => r.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_-]*$");
        RuleFor(r => r.Kind).IsInEnum();
    }
}
