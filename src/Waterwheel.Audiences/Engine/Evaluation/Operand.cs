using Roaring.Net.CRoaring;

namespace Waterwheel.Audiences.Engine.Evaluation;

/// <summary>
/// A term's customers while a segment is evaluated: a bitmap that is either the index's own (borrowed: never changed
/// or freed here) or made for this evaluation (owned), and possibly negated — "everyone but these" — so that
/// <c>a and not b</c> becomes a.AndNot(b) and a negation is never spelled out against every customer.
/// </summary>
internal readonly struct Operand(Roaring32Bitmap bitmap, bool owned, bool negated) : IDisposable
{
    public Roaring32Bitmap Bitmap { get; } = bitmap;
    public bool Owned { get; } = owned;
    public bool Negated { get; } = negated;

    public static Operand Borrow(Roaring32Bitmap bitmap) => new(bitmap, owned: false, negated: false);

    public static Operand Own(Roaring32Bitmap bitmap) => new(bitmap, owned: true, negated: false);

    public Operand Negate() => new(Bitmap, Owned, !Negated);

    /// <summary>A bitmap this evaluation may change: the owned one itself, or a copy of a borrowed one.</summary>
    public Roaring32Bitmap TakeMutable() => Owned ? Bitmap : Bitmap.Clone();

    public void Dispose()
    {
        if (Owned) Bitmap.Dispose();
    }
}
