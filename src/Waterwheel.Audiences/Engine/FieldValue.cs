using Waterwheel.Audiences.Segments;

namespace Waterwheel.Audiences.Engine;

/// <summary>One customer's value of one field: text for an enum field, a number, a day, or yes/no.</summary>
internal readonly record struct FieldValue
{
    private FieldValue(FieldKind kind, string? text, decimal number, DateOnly date, bool flag) =>
        (Kind, Text, Number, Date, Flag) = (kind, text, number, date, flag);

    public FieldKind Kind { get; }
    public string? Text { get; }
    public decimal Number { get; }
    public DateOnly Date { get; }
    public bool Flag { get; }

    public static FieldValue Of(string text) => new(FieldKind.Enum, text, 0, default, false);
    public static FieldValue Of(decimal number) => new(FieldKind.Number, null, number, default, false);
    public static FieldValue Of(DateOnly date) => new(FieldKind.Date, null, 0, date, false);
    public static FieldValue Of(bool flag) => new(FieldKind.Bool, null, 0, default, flag);

    public override string ToString() => Kind switch
    {
        FieldKind.Enum => $"\"{Text}\"",
        FieldKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldKind.Date => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Flag ? "true" : "false",
    };
}

/// <summary>How the index keeps numbers and days as whole numbers, and how the record evaluator compares them alike.</summary>
internal static class FieldScaling
{
    /// <summary>Days count from 1970-01-01, so that the dates customers have need about 15 bits.</summary>
    public static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>
    /// A number at the field's scale: the index keeps whole fen, so a value with more decimals (an average) is rounded
    /// the way money is, here and in <see cref="RecordEvaluator"/> alike. Beyond ±10^14 it is held at the bound.
    /// </summary>
    public static decimal Normalise(FieldDefinition field, decimal value) =>
        Math.Clamp(decimal.Round(value, field.Scale, MidpointRounding.AwayFromZero), -FieldDefinition.MaxMagnitude, FieldDefinition.MaxMagnitude);

    public static long Scaled(FieldDefinition field, decimal value) => field.ToScaled(Normalise(field, value));

    public static long Day(DateOnly date) => date.DayNumber - EpochDay;
}
