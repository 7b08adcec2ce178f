using FluentValidation;

namespace Waterwheel.Acquisition.Channels;

/// <summary>A channel as the API shows it, with how many codes it holds and the customers they brought.</summary>
public sealed record ChannelView(Guid Id, string Name, ChannelKind Kind, decimal Cost, Guid? ParentId, DateTime CreatedAt, int Version, int Codes, int Arrivals,
    DateOnly? SpendFrom = null, DateOnly? SpendTo = null)
{
    /// <summary>Cost per fan in yuan, or none before the first arrival.</summary>
    public decimal? CostPerArrival => Arrivals == 0 ? null : Math.Round(Cost / Arrivals, 2, MidpointRounding.AwayFromZero);

    internal static ChannelView Of(Channel c, int codes, int arrivals) => new(c.Id, c.Name, c.Kind, c.Cost, c.ParentId, c.CreatedAt, c.Version, codes, arrivals,
        c.SpendFrom, c.SpendTo);
}

/// <summary>
/// Create or replace a channel: a name unique in the brand, a kind, its cost in yuan, optionally the campaign it belongs
/// to, and the first and last day the cost was spent over (an ad's flight; none: spent on the day the channel is created).
/// </summary>
public sealed record SaveChannelRequest(string? Name, ChannelKind? Kind, decimal? Cost, Guid? ParentId, DateOnly? SpendFrom = null, DateOnly? SpendTo = null);

internal sealed class SaveChannelValidator : AbstractValidator<SaveChannelRequest>
{
    public const decimal MaxCost = 99_999_999.99m;
    public const int MaxSpendDays = 3660;

    public SaveChannelValidator()
    {
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => AcquisitionText.Get("NameRequired"))
            .MaximumLength(Channel.NameLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Cost).InclusiveBetween(0, MaxCost).WithMessage(_ => AcquisitionText.Format("CostRange", MaxCost))
            .Must(c => c is null || decimal.Round(c.Value, 2) == c.Value).WithMessage(_ => AcquisitionText.Get("CostCents"));
        RuleFor(r => r.SpendTo).Must((r, to) => (to is null) == (r.SpendFrom is null)).WithMessage(_ => AcquisitionText.Get("SpendBothDays"));
        RuleFor(r => r.SpendTo).Must((r, to) => to is null || r.SpendFrom is null || to >= r.SpendFrom)
            .WithMessage(_ => AcquisitionText.Get("SpendToBeforeFrom"));
        RuleFor(r => r.SpendTo).Must((r, to) => to is null || r.SpendFrom is null || to.Value.DayNumber - r.SpendFrom.Value.DayNumber < MaxSpendDays)
            .WithMessage(_ => AcquisitionText.Format("SpendTooLong", MaxSpendDays));
    }
}
