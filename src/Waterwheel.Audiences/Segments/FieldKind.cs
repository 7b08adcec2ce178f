namespace Waterwheel.Audiences.Segments;

/// <summary>How a field is compared: by value from a set, by range of numbers, by range of days, or yes/no.</summary>
internal enum FieldKind { Enum, Number, Date, Bool }

/// <summary>
/// One field segments can name. <paramref name="Scale"/> is a number field's decimal places: values carry at most that
/// many, so that the index can keep them as whole numbers (fen for money) and a bound is never rounded.
/// </summary>
internal sealed record FieldDefinition(string Name, FieldKind Kind, string Label, int Scale = 0, bool Custom = false)
{
    /// <summary>Numbers beyond ±10^14 do not occur in customer data and would not fit a long at scale 4.</summary>
    public const decimal MaxMagnitude = 100_000_000_000_000m;

    public long ToScaled(decimal value) => (long)(value * Pow10(Scale));

    public decimal FromScaled(long value) => value / Pow10(Scale);

    public bool FitsScale(decimal value) => Math.Abs(value) <= MaxMagnitude && decimal.Round(value, Scale) == value;

    /// <summary>The smallest step between two values of the field: 1 for counts, 0.01 for money.</summary>
    public decimal Step => 1m / Pow10(Scale);

    private static decimal Pow10(int scale) => scale switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1_000m, _ => 10_000m };
}
