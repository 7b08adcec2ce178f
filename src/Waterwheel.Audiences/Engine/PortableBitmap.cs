using Roaring.Net.CRoaring;
using Waterwheel.Platform.Api;

namespace Waterwheel.Audiences.Engine;

/// <summary>
/// Bitmaps in the Roaring portable format (RoaringFormatSpec): what a frozen audience pack stores, and what the Java,
/// Go, C and JavaScript Roaring libraries (and ClickHouse's and StarRocks' bitmap columns) read and write, so a pack can
/// leave the process without a format of our own.
/// </summary>
internal static class PortableBitmap
{
    public static byte[] Write(Roaring32Bitmap bitmap) => bitmap.Serialize(SerializationFormat.Portable);

    /// <summary>Reads untrusted bytes: CRoaring's bounds-checked reader, then its validation of the containers.</summary>
    public static Result<Roaring32Bitmap> Read(byte[] bytes)
    {
        Roaring32Bitmap bitmap;
        try
        {
            bitmap = Roaring32Bitmap.Deserialize(bytes, SerializationFormat.Portable);
        }
        catch (InvalidOperationException)
        {
            // The binding's only signal that the bytes are not a bitmap; it ends here as a value.
            return Invalid("The bytes are not a bitmap in the Roaring portable format.");
        }
        if (bitmap.IsValid(out var reason)) return bitmap;
        bitmap.Dispose();
        return Invalid($"The bitmap's containers are inconsistent: {reason}.");
    }

    private static Error Invalid(string message) => new(ErrorKind.Validation, "bitmap_invalid", message);
}
