using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Waterwheel.Customers.Profiles.Export;

/// <summary>
/// Writes a prepared export to the response. CSV goes out batch by batch (UTF-8 with a BOM for Excel, formula-like text
/// escaped as in every CSV export); xlsx is assembled in a temporary file first, since a zip is written as a whole.
/// </summary>
internal static class ProfileExportEndpoint
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/export", async ([AsParameters] ProfileExportQuery query, ExportProfiles handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(query, ct);
            if (!result.IsSuccess) return (IResult)result.Error!.ToProblem();
            var export = result.Value!;
            return export.Format == "xlsx"
                ? TypedResults.Stream(stream => WriteXlsx(export, stream, ct), XlsxType, export.FileName)
                : TypedResults.Stream(stream => WriteCsv(export, stream, ct), CsvExport.ContentType, export.FileName);
        })
        .RequireAuthorization(Permissions.ProfilesRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .WithName("ExportCustomerProfiles")
        .WithSummary("The customer list as CSV or xlsx (format), same filter as the list, masked unless unmasked=true with pii.reveal; at most 100,000 rows (audited)");

    private static async Task WriteCsv(ProfileExport export, Stream stream, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        var first = true;
        var buffer = new List<string[]>(1_000);
        await foreach (var row in export.Rows.WithCancellation(ct))
        {
            buffer.Add(row);
            if (buffer.Count < 1_000) continue;
            await Flush(buffer, first, stream, ct);
            first = false;
        }
        if (first || buffer.Count > 0) await Flush(buffer, first, stream, ct);
    }

    // Each batch is formatted in memory and written asynchronously: the server does not allow synchronous writes.
    private static async Task Flush(List<string[]> rows, bool withHeader, Stream stream, CancellationToken ct)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, Csv, leaveOpen: true))
        {
            if (withHeader) csv.WriteHeader(ExportColumns.Header);
            foreach (var row in rows) csv.WriteRecord(row);
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), ct);
        rows.Clear();
    }

    private static async Task WriteXlsx(ProfileExport export, Stream stream, CancellationToken ct)
    {
        var sheet = new List<Dictionary<string, object>>(export.RowCount);
        await foreach (var row in export.Rows.WithCancellation(ct))
            sheet.Add(ExportColumns.Header.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => (object)row[c.i]));
        var path = Path.Combine(Path.GetTempPath(), $"ww-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (sheet.Count == 0) sheet.Add(ExportColumns.Header.ToDictionary(h => h, _ => (object)""));
        await MiniExcel.SaveAsAsync(file, sheet, sheetName: "客户", excelType: ExcelType.XLSX, cancellationToken: ct);
        file.Position = 0;
        await file.CopyToAsync(stream, ct);
    }
}
