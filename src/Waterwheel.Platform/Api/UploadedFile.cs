using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Waterwheel.Platform.Api;

/// <summary>The part named <c>file</c> of a multipart request, read whole when it is within a bound.</summary>
public static class UploadedFile
{
    /// <summary>
    /// The file's bytes; null with <c>TooLarge</c> false when the request brought none (not multipart, no such part, or
    /// a body cut short: the client's mistake, told as a missing file rather than a server error).
    /// </summary>
    public static async Task<(byte[]? Bytes, bool TooLarge)> Read(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        // Room for a file well over the bound, so that it is refused with a message rather than a cut connection.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = 2 * maxBytes;
        if (!request.HasFormContentType) return (null, false);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return (null, false);
        }
        if (form.Files.GetFile("file") is not { } part) return (null, false);
        if (part.Length > maxBytes) return (null, true);
        using var buffer = new MemoryStream();
        await part.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), false);
    }
}
