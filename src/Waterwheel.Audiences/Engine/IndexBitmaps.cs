using Roaring.Net.CRoaring;
using Waterwheel.Audiences.Engine.Columns;

namespace Waterwheel.Audiences.Engine;

/// <summary>What the evaluator reads of an index: the live customers, a tag's bitmap, a field's column.</summary>
internal interface IndexBitmaps
{
    Roaring32Bitmap Universe { get; }
    IndexedBitmap? Tag(Guid tagId);
    Column? Column(string field);

    /// <summary>Whether range terms may use, and add to, the columns' kept range results (<see cref="RangeResults"/>).</summary>
    bool KeepsRanges { get; }
}
