using System.Text.RegularExpressions;
using FluentValidation;

namespace Waterwheel.Acquisition.Posters;

/// <summary>A code's poster as the API shows it: whether it has a background, its size, the layout, and the version to send back in If-Match.</summary>
public sealed record PosterView(Guid CodeId, bool HasBackground, string? BackgroundFormat, int Width, int Height, PosterLayout Layout, int Version)
{
    internal static PosterView Of(Guid codeId, Poster? p) => p is null
        ? new PosterView(codeId, false, null, PosterRenderer.BlankWidth, PosterRenderer.BlankHeight, PosterLayout.Default, 0)
        : new PosterView(codeId, p.Background is not null || p.BackgroundFormat is not null, p.BackgroundFormat,
            p.BackgroundFormat is null ? PosterRenderer.BlankWidth : p.Width, p.BackgroundFormat is null ? PosterRenderer.BlankHeight : p.Height, p.Layout, p.Version);
}

/// <summary>Where the QR and the caption go, as fractions of the background (see <see cref="PosterLayout"/>).</summary>
public sealed record SavePosterLayoutRequest(
    double? QrX, double? QrY, double? QrSize, string? Caption, double? CaptionX, double? CaptionY, double? CaptionSize, string? CaptionColor)
{
    internal PosterLayout ToLayout() => new(QrX!.Value, QrY!.Value, QrSize!.Value, Caption?.Trim() ?? "", CaptionX ?? PosterLayout.Default.CaptionX,
        CaptionY ?? PosterLayout.Default.CaptionY, CaptionSize ?? PosterLayout.Default.CaptionSize, CaptionColor ?? PosterLayout.Default.CaptionColor);
}

/// <summary>
/// Every rule of a layout at once. The caption must be drawable with a font this server has: a caption printed as
/// empty boxes would be found only on the printed posters.
/// </summary>
internal sealed partial class SavePosterLayoutValidator : AbstractValidator<SavePosterLayoutRequest>
{
    public const int CaptionLength = 40;
    public const double MinQrSize = 0.05, MinCaptionSize = 0.01, MaxCaptionSize = 0.2;

    public SavePosterLayoutValidator()
    {
        RuleFor(r => r.QrX).NotNull().InclusiveBetween(0, 1).WithMessage(_ => AcquisitionText.Get("PosterFraction"));
        RuleFor(r => r.QrY).NotNull().InclusiveBetween(0, 1).WithMessage(_ => AcquisitionText.Get("PosterFraction"));
        RuleFor(r => r.QrSize).NotNull().InclusiveBetween(MinQrSize, 1).WithMessage(_ => AcquisitionText.Format("PosterQrSize", MinQrSize))
            .Must((r, size) => r.QrX is null || r.QrX + size <= 1 + 1e-9).WithMessage(_ => AcquisitionText.Get("PosterQrOutside"));
        RuleFor(r => r.Caption).MaximumLength(CaptionLength).WithMessage(_ => AcquisitionText.Format("PosterCaptionLong", CaptionLength))
            .Must(c => PosterFont.For(c?.Trim() ?? "") is not null).WithMessage(_ => AcquisitionText.Get("PosterFontMissing"));
        RuleFor(r => r.CaptionX).InclusiveBetween(0, 1).WithMessage(_ => AcquisitionText.Get("PosterFraction"));
        RuleFor(r => r.CaptionY).InclusiveBetween(0, 1).WithMessage(_ => AcquisitionText.Get("PosterFraction"));
        RuleFor(r => r.CaptionSize).InclusiveBetween(MinCaptionSize, MaxCaptionSize)
            .WithMessage(_ => AcquisitionText.Format("PosterCaptionSize", MinCaptionSize, MaxCaptionSize));
        RuleFor(r => r.CaptionColor).Must(c => c is null || HexColour().IsMatch(c)).WithMessage(_ => AcquisitionText.Get("PosterColour"));
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
