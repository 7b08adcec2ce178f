using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Waterwheel.Audiences.Tags;

/// <summary>One value of an uploaded list, with its line as a spreadsheet numbers it (the header is line 1).</summary>
internal sealed record ListValue(int Line, string Value);

/// <summary>
/// Reads the first column of an uploaded list: CSV (UTF-8, with or without BOM) or the first sheet of an .xlsx. The
/// first row is the column's header. Blank rows are skipped. A file that is neither is refused with the reason.
/// </summary>
internal static class ListFile
{
    public static Result<List<ListValue>> Read(byte[] bytes, int maxRows)
    {
        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..]) return Refused(AudienceText.Get("ListLegacyExcel"));
        try
        {
            var values = bytes is [0x50, 0x4B, 0x03, 0x04, ..] ? Xlsx(bytes) : Csv(bytes);
            var list = new List<ListValue>();
            foreach (var value in values)
            {
                if (list.Count == maxRows) return Refused(AudienceText.Format("ListTooLong", maxRows));
                list.Add(value);
            }
            return list;
        }
        catch (Exception e) when (e is InvalidDataException or CsvFormatException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            return Refused(AudienceText.Get("ListUnreadable"));
        }
    }

    private static IEnumerable<ListValue> Csv(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions
        {
            Encoding = Encoding.UTF8, TrackLineNumbers = true, SkipEmptyLines = true, TrimWhitespace = true, TrimInsideQuotes = true,
            MaxRecordSize = 64 * 1024,
            // The rows hold mobiles; an exception message may end up in a log.
            IncludeValuesInExceptions = false,
        });
        _ = reader.Headers;
        while (reader.Read())
            if (reader.FieldCount > 0 && reader.GetString(0) is { Length: > 0 } value) yield return new ListValue((int)reader.LineNumber, value);
    }

    private static IEnumerable<ListValue> Xlsx(byte[] bytes)
    {
        var line = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            if (line == 1) continue;
            if (row.Values.FirstOrDefault() is { } cell && Text(cell).Trim() is { Length: > 0 } value) yield return new ListValue(line, value);
        }
    }

    // Excel keeps a long number typed as a number; a mobile must read back as its digits, not 1.37E+10.
    private static string Text(object value) => value switch
    {
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Error Refused(string message) => Error.Invalid("file", message);
}
