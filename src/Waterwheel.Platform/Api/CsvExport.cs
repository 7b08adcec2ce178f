using System.Globalization;
using System.Text;
using CsvHelper;

namespace Waterwheel.Platform.Api;

/// <summary>
/// CSV files for download: UTF-8 with a BOM so that Excel shows Chinese text correctly. Text that a spreadsheet would run
/// as a formula (starting with = + - @, tab or CR: a store named "=HYPERLINK(…)", a User-Agent from a failed sign-in)
/// gets a leading ' so it opens as text; numbers and dates are written as they are.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static byte[] Write<T>(IEnumerable<T> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, Options, leaveOpen: true))
            csv.WriteRecords(rows);
        return buffer.ToArray();
    }
}
