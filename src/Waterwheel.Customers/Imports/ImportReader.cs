using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Waterwheel.Customers.Imports;

/// <summary>One data row: its line as a spreadsheet numbers it (the header is line 1) and its cells in header order.</summary>
internal sealed record ImportRow(int Line, string[] Cells, string? Malformed = null);

/// <summary>A file that cannot be read as a table at all: not a spreadsheet, damaged, or cut off inside its structure.</summary>
internal sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads an uploaded file row by row, never the whole of it: CSV (any separator CsvHelper detects) in the encoding found
/// at upload, or the first sheet of an .xlsx through MiniExcel's streaming query.
/// </summary>
internal static class ImportReader
{
    public static bool IsXlsx(string path)
    {
        Span<byte> start = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(start) == 4 && start is [0x50, 0x4B, 0x03, 0x04];
    }

    public static bool IsLegacyExcel(string path)
    {
        Span<byte> start = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(start) == 4 && start is [0xD0, 0xCF, 0x11, 0xE0];
    }

    /// <summary>The header, then the data rows; <paramref name="position"/> reports how far into the file (0–1) reading is.</summary>
    public static IEnumerable<ImportRow> Rows(string path, string encoding, Action<double>? position, out string[] header)
    {
        if (IsLegacyExcel(path)) throw new UnreadableFileException(CustomersText.Get("LegacyExcel"));
        try
        {
            return IsXlsx(path) ? Xlsx(path, position, out header) : Csv(path, encoding, position, out header);
        }
        catch (Exception e) when (e is InvalidDataException or CsvFormatException or IOException or System.Xml.XmlException)
        {
            throw new UnreadableFileException(CustomersText.Get("FileDamaged"), e);
        }
    }

    private static IEnumerable<ImportRow> Csv(string path, string encoding, Action<double>? position, out string[] header)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        string? malformed = null;
        var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            Encoding = EncodingSniffer.Of(encoding), TrackLineNumbers = true, SkipEmptyLines = true,
            TrimWhitespace = true, TrimInsideQuotes = true,
            // A quote left open at the end is what a cut-off file looks like; the row is reported, not silently merged.
            // Stray quotes are the platforms' ="…" wrapping of long numbers, which reads as the text it is.
            OnMalformedRecord = record => malformed = record.Reason == CsvMalformedReason.UnterminatedQuote ? "an unclosed quote" : malformed,
            MaxRecordSize = 1024 * 1024,
            // The rows hold mobiles and names; an exception message may end up in a log.
            IncludeValuesInExceptions = false,
        });
        try
        {
            header = reader.Headers.Select(h => h.Trim()).ToArray();
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        return CsvRows(reader, stream, position, () => { var m = malformed; malformed = null; return m; });
    }

    private static IEnumerable<ImportRow> CsvRows(CsvReader reader, FileStream stream, Action<double>? position, Func<string?> takeMalformed)
    {
        using (reader)
        {
            var length = Math.Max(1, stream.Length);
            while (Guarded(reader.Read))
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
                position?.Invoke(Math.Min(1, stream.Position / (double)length));
                yield return new ImportRow((int)reader.LineNumber, cells, takeMalformed());
            }
        }
    }

    private static IEnumerable<ImportRow> Xlsx(string path, Action<double>? position, out string[] header)
    {
        var rows = MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        if (!Guarded(rows.MoveNext))
        {
            header = [];
            return [];
        }
        var first = (IDictionary<string, object?>)rows.Current;
        var columns = first.Keys.ToArray();
        header = columns.Select(c => Text(first[c]).Trim()).ToArray();
        return XlsxRows(rows, columns, path, position);
    }

    private static IEnumerable<ImportRow> XlsxRows(IEnumerator<dynamic> rows, string[] columns, string path, Action<double>? position)
    {
        using (rows)
        {
            var line = 1;
            while (Guarded(rows.MoveNext))
            {
                line++;
                var row = (IDictionary<string, object?>)rows.Current;
                var cells = columns.Select(c => row.TryGetValue(c, out var v) ? Text(v).Trim() : "").ToArray();
                if (cells.All(c => c.Length == 0)) continue;
                yield return new ImportRow(line, cells);
            }
            position?.Invoke(1);
        }
    }

    /// <summary>Damage found part way through (a cut-off zip, a broken sheet) surfaces here, as the file being unreadable.</summary>
    private static bool Guarded(Func<bool> next)
    {
        try
        {
            return next();
        }
        catch (Exception e) when (e is InvalidDataException or CsvFormatException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new UnreadableFileException(CustomersText.Get("FileDamagedAtEnd"), e);
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
