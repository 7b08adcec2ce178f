using System.Runtime.InteropServices;
using Roaring.Net.CRoaring;

namespace Waterwheel.Audiences.Engine;

/// <summary>A segment's customers by ordinal: the bitmap (for a pack, in the portable format) and, when asked, the sorted ordinals.</summary>
internal sealed class AudienceMembers(Roaring32Bitmap bitmap) : IDisposable
{
    private int[]? _ordinals;

    public Roaring32Bitmap Bitmap { get; } = bitmap;

    public ulong Count => Bitmap.Count;

    /// <summary>Ascending; ordinals are below 2^31, so the unsigned order is the signed order.</summary>
    public int[] Ordinals => _ordinals ??= List();

    // Copied once, straight into the array handed out: at a million members a second copy is a measurable part of a materialise.
    private int[] List()
    {
        var ordinals = new int[checked((int)Bitmap.Count)];
        Bitmap.CopyTo(MemoryMarshal.Cast<int, uint>(ordinals.AsSpan()));
        return ordinals;
    }

    public void Dispose() => Bitmap.Dispose();
}
