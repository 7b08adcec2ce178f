using FluentValidation;

namespace Waterwheel.Platform.Stores;

/// <summary>The editable fields of a store, for both create and update.</summary>
public sealed record SaveStoreRequest
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public string Province { get; set; } = "";
    public string City { get; set; } = "";
    public string District { get; set; } = "";
    public string Address { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    /// <summary>The datum the coordinates were read in (a point picked on 高德 or 腾讯地图 is GCJ-02); stored as WGS-84.</summary>
    public CoordinateSystem CoordinateSystem { get; set; } = CoordinateSystem.Wgs84;
    public string OpeningHours { get; set; } = "";
    public string Phone { get; set; } = "";
}

internal sealed class SaveStoreValidator : AbstractValidator<SaveStoreRequest>
{
    public SaveStoreValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_-]*$");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).Plain();
        RuleFor(r => r.OrgUnitId).NotEmpty();
        RuleFor(r => r.Province).NotEmpty().MaximumLength(40).Plain();
        RuleFor(r => r.City).NotEmpty().MaximumLength(40).Plain();
        RuleFor(r => r.District).MaximumLength(40).Plain();
        RuleFor(r => r.Address).MaximumLength(200).Plain();
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90);
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180);
        RuleFor(r => r.CoordinateSystem).IsInEnum();
        RuleFor(r => r.OpeningHours).MaximumLength(100)
            .Must(StoreFields.IsOpeningHours).WithMessage(_ => ValidationText.Get("OpeningHours"));
        RuleFor(r => r.Phone).MaximumLength(40).Plain()
            .Must(StoreFields.IsPhone).WithMessage(_ => ValidationText.Get("StorePhone"));
    }
}
