using System.Globalization;
using System.Text;
using CsvHelper;

namespace Waterwheel.Platform.Api;

/// <summary>CSV files for download: UTF-8 with a BOM so that Excel shows Chinese text correctly.</summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write<T>(IEnumerable<T> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
            csv.WriteRecords(rows);
        return buffer.ToArray();
    }
}
