using System.Buffers;
using System.Text;

namespace Waterwheel.Platform.Api;

/// <summary>
/// Reads a request body of at most a given size. A chunked body says nothing of its size up front, so the limit is
/// enforced while reading: the read stops at the first byte past it instead of buffering whatever a sender streams.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body as UTF-8 text, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> Read(Stream body, int maxBytes, CancellationToken ct)
    {
        // One byte of room past the limit tells "exactly at the limit" from "over it". Pooled: callbacks come by the hundred a second.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            while (length <= maxBytes)
            {
                var read = await body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), ct);
                if (read == 0) return Encoding.UTF8.GetString(buffer, 0, length);
                length += read;
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
