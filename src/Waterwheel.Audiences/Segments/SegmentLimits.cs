namespace Waterwheel.Audiences.Segments;

/// <summary>
/// How big a segment may be. A console click-built segment has a handful of terms; these bounds keep a pasted or
/// generated one from costing a node seconds of bitmap work or a parser's stack.
/// </summary>
internal static class SegmentLimits
{
    public const int MaxDepth = 12;
    public const int MaxTerms = 200;
    public const int MaxValuesPerIn = 1_000;
    public const int MaxStringLength = 100;
    public const int MaxDays = 36_500;
    public const int MaxTextLength = 64_000;
}
