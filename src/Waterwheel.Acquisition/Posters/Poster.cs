namespace Waterwheel.Acquisition.Posters;

/// <summary>
/// A live code's poster: the background the brand uploaded and where the code's QR and a caption go on it. Kept in the
/// database, not on a node's disk, so every node of a cluster renders the same poster; bounded by
/// <see cref="PosterBackgrounds.MaxBytes"/>. One per code, keyed by the code.
/// </summary>
internal sealed class Poster
{
    public Guid CodeId { get; init; }
    public Guid TenantId { get; init; }

    /// <summary>The uploaded image as sent (PNG, JPEG or WebP), or none: the poster is then drawn on white.</summary>
    public byte[]? Background { get; set; }

    public string? BackgroundFormat { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public PosterLayout Layout { get; set; } = PosterLayout.Default;
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Where things go, as fractions of the background so a layout survives a new background of another size: the QR's
/// top-left corner (of width and height) and its side (of width); the caption's centre and baseline, its height (of
/// width) and colour (#RRGGBB).
/// </summary>
public sealed record PosterLayout(double QrX, double QrY, double QrSize, string Caption, double CaptionX, double CaptionY, double CaptionSize, string CaptionColor)
{
    public static PosterLayout Default { get; } = new(0.35, 0.62, 0.3, "", 0.5, 0.94, 0.045, "#333333");
}
