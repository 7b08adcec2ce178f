using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

public sealed record CommitImportRequest(ImportMode Mode);

/// <summary>
/// Starts writing a checked file. All-or-nothing refuses a file with any invalid row, so nothing of it is written;
/// skip-invalid writes the valid rows and leaves the rest, as listed by the dry run. A job that stopped part way
/// (an unexpected error) may be committed again: it resumes after its last committed row.
/// </summary>
internal sealed class CommitImport(CustomersDbContext db, ActorContext actor, ImportSignal signal, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<ImportJobView>> Handle(Guid id, CommitImportRequest request, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        if (await db.Set<ImportJob>().FirstOrDefaultAsync(j => j.Id == id, ct) is not { } job) return Error.NotFound("Import");
        var resumable = job.Status == ImportStatus.Failed && job.Mode is not null;
        if (job.Status != ImportStatus.Validated && !resumable)
            return Error.Conflict("import_not_validated", CustomersText.Get("ImportNotValidated"));
        if (request.Mode == ImportMode.AllOrNothing && job.InvalidRows > 0)
            return Error.Conflict("import_has_invalid_rows", CustomersText.Format("ImportHasInvalidRows", job.InvalidRows));
        if (job.ValidRows == 0) return Error.Conflict("import_has_no_valid_rows", CustomersText.Get("ImportHasNoValidRows"));
        (job.Mode, job.Status, job.Failure, job.UpdatedAt) = (request.Mode, ImportStatus.Committing, null, time.GetUtcNow().UtcDateTime);
        if (await db.SaveOrStale(ct) is { } error) return error;
        await audit.RecordNowAsync(AuditActions.ImportCommitted, "customer_import", job.Id.ToString(),
            $"{job.FileName}; {request.Mode}; {job.ValidRows} valid and {job.InvalidRows} invalid of {job.TotalRows} rows", ct);
        signal.Notify();
        return ImportJobView.From(job);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/imports/{id:guid}/commit", async (Guid id, CommitImportRequest request, CommitImport handler, CancellationToken ct) =>
            (await handler.Handle(id, request, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("CommitCustomerImport")
        .WithSummary("Write a checked file: AllOrNothing (refused when any row is invalid) or SkipInvalid; progress shows on the job");
}
