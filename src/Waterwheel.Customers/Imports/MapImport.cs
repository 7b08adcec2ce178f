using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>The template to read a file with and, where the file's header differs, which column holds each field.</summary>
public sealed record MapImportRequest(string Template, IReadOnlyDictionary<ImportField, string>? Columns);

/// <summary>Sets a job's template and mapping and starts the dry run again; allowed until the commit starts.</summary>
internal sealed class MapImport(CustomersDbContext db, ActorContext actor, ImportFiles files, ImportPlans plans, ImportSignal signal, TimeProvider time)
{
    public async Task<Result<ImportJobView>> Handle(Guid id, MapImportRequest request, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        if (await db.Set<ImportJob>().FirstOrDefaultAsync(j => j.Id == id, ct) is not { } job) return Error.NotFound("Import");
        if (job.Status is not (ImportStatus.Uploaded or ImportStatus.Validated or ImportStatus.Failed) || job.CommittedThroughRow > 0)
            return Error.Conflict("import_started", CustomersText.Get("ImportStarted"));
        if (await plans.Template(request.Template ?? "", ct) is not { } template) return Error.Invalid("template", CustomersText.Get("NoSuchTemplate"));
        var header = await ImportHeader.Read(files, job, ct);
        if (header.Problem is { } unreadable) return Error.Invalid("file", unreadable);
        var mapping = request.Columns is { Count: > 0 } columns
            ? columns.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim())
            : ImportMappings.Match(template, header.Columns);
        var unknown = mapping.Values.Where(c => !header.Columns.Contains(c)).ToList();
        if (unknown.Count > 0) return Error.Invalid("columns", CustomersText.Format("NoSuchColumns", string.Join(", ", unknown)));
        if (ImportMappings.Missing(template.Kind, mapping) is { Count: > 0 } missing)
            return Error.Invalid("columns", CustomersText.Format("MapColumns", string.Join(", ", missing)));

        (job.Template, job.Kind, job.Mapping, job.Status, job.Failure, job.Mode) = (template.Key, template.Kind, ImportJson.Write(mapping), ImportStatus.Validating, null, null);
        (job.TotalRows, job.ValidRows, job.InvalidRows, job.ErrorCount, job.ProcessedRows, job.Progress) = (0, 0, 0, 0, 0, 0);
        job.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStale(ct) is { } error) return error;
        signal.Notify();
        return ImportJobView.From(job);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/imports/{id:guid}/mapping", async (Guid id, MapImportRequest request, MapImport handler, CancellationToken ct) =>
            (await handler.Handle(id, request, ct)).ToOk())
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("MapCustomerImport")
        .WithSummary("Choose the template and (optionally) the column of each field, and check the file again (a dry run: nothing is written)");
}
