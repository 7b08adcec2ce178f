using System.Text;

namespace Waterwheel.Customers.Imports;

/// <summary>
/// Finds a text file's encoding while it streams past, in one pass and a few bytes of state: a byte order mark decides;
/// without one, the file is UTF-8 if every byte of it decodes strictly as UTF-8, else GB18030. Excel and the platforms'
/// back offices save Chinese CSV as GBK, which GB18030 contains, and GBK text is almost never valid UTF-8.
/// </summary>
internal sealed class EncodingSniffer
{
    public const string Utf8 = "utf-8";
    public const string Utf16LittleEndian = "utf-16";
    public const string Utf16BigEndian = "utf-16BE";
    public const string Gb18030 = "gb18030";

    private readonly Decoder _strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private readonly byte[] _start = new byte[3];
    private int _startLength;
    private string? _byBom;
    private readonly char[] _scratch = new char[4096];
    private bool _invalidUtf8;

    static EncodingSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        if (_startLength < _start.Length)
        {
            var take = Math.Min(bytes.Length, _start.Length - _startLength);
            bytes[..take].CopyTo(_start.AsSpan(_startLength));
            _startLength += take;
        }
        if (_invalidUtf8 || _byBom is not null) return;
        Decode(bytes, flush: false);
    }

    /// <summary>An .xlsx is a zip archive: it has no text encoding.</summary>
    public bool IsZip => _startLength >= 3 && _start is [0x50, 0x4B, 0x03];

    /// <summary>The encoding's name for <see cref="Of"/>, once every byte has been fed.</summary>
    public string Result()
    {
        _byBom ??= Bom(_start.AsSpan(0, _startLength));
        if (_byBom is not null) return _byBom;
        if (!_invalidUtf8) Decode([], flush: true);
        return _invalidUtf8 ? Gb18030 : Utf8;
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            // Convert, not GetCharCount: only it carries a character split across two chunks over to the next.
            do
            {
                _strictUtf8.Convert(bytes, _scratch, flush, out var used, out _, out var completed);
                bytes = bytes[used..];
                if (completed) break;
            } while (true);
        }
        catch (DecoderFallbackException)
        {
            _invalidUtf8 = true;
        }
    }

    private static string? Bom(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Utf8,
        [0xFF, 0xFE, ..] => Utf16LittleEndian,
        [0xFE, 0xFF, ..] => Utf16BigEndian,
        _ => null,
    };

    /// <summary>The encoding a name found here stands for.</summary>
    public static Encoding Of(string name)
    {
        // Registered here too: reading may happen on a node that never sniffed a file since it started.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return name switch
        {
            Gb18030 => Encoding.GetEncoding("GB18030"),
            Utf16LittleEndian => Encoding.Unicode,
            Utf16BigEndian => Encoding.BigEndianUnicode,
            _ => new UTF8Encoding(false),
        };
    }
}
