using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>What the wizard shows for mapping: the header, the first rows (mobile numbers masked) and the job's mapping.</summary>
public sealed record ImportPreviewView(string[] Header, IReadOnlyList<string[]> Rows, IReadOnlyDictionary<ImportField, string> Mapping);

internal sealed class PreviewImport(CustomersDbContext db, ActorContext actor, ImportFiles files)
{
    public const int RowCount = 5;

    public async Task<Result<ImportPreviewView>> Handle(Guid id, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        if (await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is not { } job) return Error.NotFound("Import");
        if (job.Status is ImportStatus.Done) return Error.Conflict("import_done", "The import is done and its file deleted.");
        var path = await files.Local(job, ct);
        try
        {
            using var rows = ImportReader.Rows(path, job.Encoding, null, out var header).GetEnumerator();
            var first = new List<string[]>();
            while (first.Count < RowCount && rows.MoveNext()) first.Add(rows.Current.Cells.Select(c => Redact.Phones(ImportRowParser.Clean(c))).ToArray());
            return new ImportPreviewView(header, first, ImportJson.Mapping(job.Mapping));
        }
        catch (UnreadableFileException e)
        {
            return Error.Invalid("file", e.Message);
        }
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}/preview", async (Guid id, PreviewImport handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("PreviewCustomerImport")
        .WithSummary("The file's header and first rows (mobile numbers masked), and the job's column mapping");
}
