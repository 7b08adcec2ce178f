using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>
/// What the wizard shows for mapping: the header, the first rows and the job's mapping. Mobile numbers are masked in every
/// cell, and the columns mapped to a name, an email or a buyer id too, unless the reader may see personal data in clear.
/// </summary>
public sealed record ImportPreviewView(string[] Header, IReadOnlyList<string[]> Rows, IReadOnlyDictionary<ImportField, string> Mapping);

internal sealed class PreviewImport(CustomersDbContext db, ActorContext actor, ImportFiles files)
{
    public const int RowCount = 5;

    public async Task<Result<ImportPreviewView>> Handle(Guid id, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        if (await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is not { } job) return Error.NotFound("Import");
        if (job.Status is ImportStatus.Done) return Error.Conflict("import_done", CustomersText.Get("ImportDone"));
        var path = await files.Local(job, ct);
        try
        {
            using var rows = ImportReader.Rows(path, job.Encoding, null, out var header).GetEnumerator();
            var mapping = ImportJson.Mapping(job.Mapping);
            var masked = actor.Has(Permissions.PiiReveal) ? [] : Personal.Where(mapping.ContainsKey)
                .Select(f => Array.FindIndex(header, h => h.Trim() == mapping[f].Trim())).ToHashSet();
            var first = new List<string[]>();
            while (first.Count < RowCount && rows.MoveNext())
                first.Add(rows.Current.Cells.Select((c, i) => Shown(ImportRowParser.Clean(c), masked.Contains(i))).ToArray());
            return new ImportPreviewView(header, first, mapping);
        }
        catch (UnreadableFileException e)
        {
            return Error.Invalid("file", e.Message);
        }
    }

    // Another holder of profiles.write may open someone else's import: the file's people are shown as the list shows them.
    private static readonly ImportField[] Personal = [ImportField.Name, ImportField.Email, ImportField.BuyerId];

    private static string Shown(string cell, bool personal) => personal && cell.Length > 0 ? Mask.Name(cell) : Redact.Phones(cell);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}/preview", async (Guid id, PreviewImport handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("PreviewCustomerImport")
        .WithSummary("The file's header and first rows (mobile numbers, and names, emails and buyer ids without pii.reveal, masked), and the job's column mapping");
}
