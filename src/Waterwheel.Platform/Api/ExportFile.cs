using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Waterwheel.Platform.Api;

/// <summary>The two kinds of file a list exports to: CSV for tools, xlsx for people who open it in Excel or WPS.</summary>
public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// The one writer of every list export: a header row and rows of text, sent as CSV (batch by batch, UTF-8 with a BOM so
/// Excel shows Chinese, formula-like text escaped) or xlsx (assembled in a temporary file first, since a zip is
/// written whole). The lists decide the words and the formatting; this decides the bytes.
/// </summary>
public static class ExportFile
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int Batch = 1_000;
    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    /// <summary>The format a query asks for: csv when it asks for none.</summary>
    public static Result<ExportFormat> Parse(string? format) => (format ?? "csv").Trim().ToLowerInvariant() switch
    {
        "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => Error.Invalid("format", "format 须为 csv 或 xlsx (format must be csv or xlsx)."),
    };

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>The file as the answer to the request; <paramref name="fileStem"/> gets the format's extension.</summary>
    public static IResult Send(ExportFormat format, string fileStem, string sheetName, IReadOnlyList<string> header, IAsyncEnumerable<string[]> rows,
        CancellationToken ct)
    {
        var name = $"{fileStem}.{Extension(format)}";
        return format == ExportFormat.Xlsx
            ? TypedResults.Stream(stream => WriteXlsx(header, rows, sheetName, stream, ct), XlsxType, name)
            : TypedResults.Stream(stream => WriteCsv(header, rows, stream, ct), CsvExport.ContentType, name);
    }

    public static async IAsyncEnumerable<string[]> Rows<T>(IEnumerable<T> items, Func<T, string[]> row)
    {
        foreach (var item in items) yield return row(item);
        await Task.CompletedTask;
    }

    private static async Task WriteCsv(IReadOnlyList<string> header, IAsyncEnumerable<string[]> rows, Stream stream, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        var first = true;
        var buffer = new List<string[]>(Batch);
        await foreach (var row in rows.WithCancellation(ct))
        {
            buffer.Add(row);
            if (buffer.Count < Batch) continue;
            await Flush(header, buffer, first, stream, ct);
            first = false;
        }
        if (first || buffer.Count > 0) await Flush(header, buffer, first, stream, ct);
    }

    // Each batch is formatted in memory and written asynchronously: the server does not allow synchronous writes.
    private static async Task Flush(IReadOnlyList<string> header, List<string[]> rows, bool withHeader, Stream stream, CancellationToken ct)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, Csv, leaveOpen: true))
        {
            if (withHeader) csv.WriteHeader(header.ToArray());
            foreach (var row in rows) csv.WriteRecord(row);
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), ct);
        rows.Clear();
    }

    private static async Task WriteXlsx(IReadOnlyList<string> header, IAsyncEnumerable<string[]> rows, string sheetName, Stream stream, CancellationToken ct)
    {
        var sheet = new List<Dictionary<string, object>>();
        await foreach (var row in rows.WithCancellation(ct))
            sheet.Add(Enumerable.Range(0, header.Count).ToDictionary(i => header[i], i => (object)row[i]));
        // An empty export still has its header row.
        if (sheet.Count == 0) sheet.Add(header.ToDictionary(h => h, _ => (object)""));
        var path = Path.Combine(Path.GetTempPath(), $"ww-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await MiniExcel.SaveAsAsync(file, sheet, sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: ct);
        file.Position = 0;
        await file.CopyToAsync(stream, ct);
    }
}
