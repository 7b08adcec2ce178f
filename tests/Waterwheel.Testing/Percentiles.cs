namespace Waterwheel.Testing;

/// <summary>The nearest-rank percentile of measured figures, as the benchmarks report them.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
