using FluentValidation;

namespace Waterwheel.Acquisition.Channels;

/// <summary>A channel as the API shows it, with how many codes it holds and the customers they brought.</summary>
public sealed record ChannelView(Guid Id, string Name, ChannelKind Kind, decimal Cost, Guid? ParentId, DateTime CreatedAt, int Version, int Codes, int Arrivals)
{
    /// <summary>Cost per fan in yuan, or none before the first arrival.</summary>
    public decimal? CostPerArrival => Arrivals == 0 ? null : Math.Round(Cost / Arrivals, 2, MidpointRounding.AwayFromZero);

    internal static ChannelView Of(Channel c, int codes, int arrivals) => new(c.Id, c.Name, c.Kind, c.Cost, c.ParentId, c.CreatedAt, c.Version, codes, arrivals);
}

/// <summary>Create or replace a channel: a name unique in the brand, a kind, its cost in yuan, and optionally the campaign it belongs to.</summary>
public sealed record SaveChannelRequest(string? Name, ChannelKind? Kind, decimal? Cost, Guid? ParentId);

internal sealed class SaveChannelValidator : AbstractValidator<SaveChannelRequest>
{
    public const decimal MaxCost = 99_999_999.99m;

    public SaveChannelValidator()
    {
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => AcquisitionText.Get("NameRequired"))
            .MaximumLength(Channel.NameLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Cost).InclusiveBetween(0, MaxCost).WithMessage(_ => AcquisitionText.Format("CostRange", MaxCost))
            .Must(c => c is null || decimal.Round(c.Value, 2) == c.Value).WithMessage(_ => AcquisitionText.Get("CostCents"));
    }
}
