using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Waterwheel.Customers.Imports;

/// <summary>Another node holds the job now (this one was too slow to renew its lease): this node stops without writing more.</summary>
internal sealed class ImportLeaseLostException() : Exception("The import's lease passed to another node.");

/// <summary>
/// Works on one claimed job: the dry run (every row checked, every problem stored, nothing written) or the commit
/// (valid rows written in batches, each batch in one transaction with the job's checkpoint, so that a node that dies
/// part way leaves a job that another node resumes after the last committed row). Every write to the job row checks
/// the lease, so a node that lost it cannot write over the node that took it.
/// </summary>
internal sealed class ImportRun(
    CustomersDbContext db, ImportFiles files, ImportPlans plans, ImportRowWriter writer, TimeProvider time, IOptions<ImportOptions> options,
    ILogger<ImportRun> log)
{
    private const int ReportEvery = 1_000;
    private readonly ImportOptions _options = options.Value;

    public async Task Process(Guid jobId, string owner, CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        try
        {
            if (job.Status == ImportStatus.Validating) await Validate(job, owner, ct);
            else if (job.Status == ImportStatus.Committing) await Commit(job, owner, ct);
        }
        catch (UnreadableFileException e)
        {
            log.LogWarning("Import {Job} failed: {Reason}", job.Id, e.Message);
            await Finish(job.Id, owner, ImportStatus.Failed, e.Message, ct);
        }
    }

    private async Task Validate(ImportJob job, string owner, CancellationToken ct)
    {
        var path = await files.Local(job, ct);
        var position = 0d;
        var rows = ImportReader.Rows(path, job.Encoding, p => position = p, out var header);
        var (plan, problem) = await plans.For(job, header, ct);
        if (plan is null)
        {
            await Finish(job.Id, owner, ImportStatus.Failed, problem, ct);
            return;
        }
        await db.Set<ImportRowError>().Where(e => e.JobId == job.Id).ExecuteDeleteAsync(ct);
        var (total, valid, invalid, stored, errors) = (0, 0, 0, 0, 0);
        var pending = new List<ImportRowError>();
        foreach (var row in rows)
        {
            if (++total > _options.MaxRows)
            {
                await Finish(job.Id, owner, ImportStatus.Failed, $"The file has more than {_options.MaxRows:N0} rows; split it and import the parts.", ct);
                return;
            }
            var (_, problems) = ImportRowParser.Parse(plan, row);
            if (problems.Count == 0) valid++;
            else invalid++;
            errors += problems.Count;
            foreach (var p in problems.TakeWhile(_ => stored++ < _options.MaxStoredErrors))
                pending.Add(new ImportRowError { TenantId = job.TenantId, JobId = job.Id, Line = p.Line, Column = Bounded(p.Column, ImportRowError.ColumnLength), Code = p.Code, Reason = Bounded(p.Reason, ImportRowError.ReasonLength) });
            if (total % ReportEvery == 0)
            {
                await SaveErrors(pending, ct);
                await Report(job.Id, owner, s => s.SetProperty(j => j.ProcessedRows, total).SetProperty(j => j.Progress, (int)(position * 99)), ct);
            }
        }
        await SaveErrors(pending, ct);
        await Report(job.Id, owner, s => s
            .SetProperty(j => j.TotalRows, total).SetProperty(j => j.ValidRows, valid).SetProperty(j => j.InvalidRows, invalid).SetProperty(j => j.ErrorCount, errors)
            .SetProperty(j => j.ProcessedRows, total).SetProperty(j => j.Progress, 100).SetProperty(j => j.Status, ImportStatus.Validated), ct, release: true);
    }

    private async Task Commit(ImportJob job, string owner, CancellationToken ct)
    {
        var path = await files.Local(job, ct);
        var rows = ImportReader.Rows(path, job.Encoding, null, out var header);
        var (plan, problem) = await plans.For(job, header, ct);
        if (plan is null)
        {
            await Finish(job.Id, owner, ImportStatus.Failed, problem, ct);
            return;
        }
        var batch = new List<ImportRecord>(_options.BatchSize);
        var processed = 0;
        var lastLine = job.CommittedThroughRow;
        foreach (var row in rows)
        {
            processed++;
            // Rows up to the checkpoint were committed by an earlier run (this node's or another's).
            if (row.Line <= job.CommittedThroughRow) continue;
            lastLine = row.Line;
            if (ImportRowParser.Parse(plan, row).Record is { } record) batch.Add(record);
            if (batch.Count >= _options.BatchSize)
            {
                await CommitBatch(job, owner, plan, batch, lastLine, processed, ct);
                batch.Clear();
            }
        }
        await CommitBatch(job, owner, plan, batch, lastLine, processed, ct);
        await Finish(job.Id, owner, ImportStatus.Done, null, ct);
        await files.Delete(job.Id, ct);
    }

    /// <summary>
    /// The batch and the checkpoint commit together. A batch that loses a race (a tracked event starting the same
    /// profile at the same moment) is tried again from scratch: the rows are idempotent.
    /// </summary>
    private async Task CommitBatch(ImportJob job, string owner, ImportPlan plan, List<ImportRecord> batch, int lastLine, int processed, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            // Every query would otherwise scan every entity the batch has tracked so far for changes: quadratic in the
            // batch. The writer's changes are found once, before saving.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var (written, duplicates, skipped) = await writer.Write(job.TenantId, plan, batch, ct);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                var progress = job.TotalRows == 0 ? 99 : Math.Min(99, (int)(processed * 100L / job.TotalRows));
                await Report(job.Id, owner, s => s
                    .SetProperty(j => j.WrittenRows, j => j.WrittenRows + written).SetProperty(j => j.DuplicateRows, j => j.DuplicateRows + duplicates)
                    .SetProperty(j => j.SkippedRows, j => j.SkippedRows + skipped)
                    .SetProperty(j => j.CommittedThroughRow, lastLine).SetProperty(j => j.ProcessedRows, processed).SetProperty(j => j.Progress, progress), ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
        }
    }

    private async Task SaveErrors(List<ImportRowError> pending, CancellationToken ct)
    {
        if (pending.Count == 0) return;
        db.AddRange(pending);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        pending.Clear();
    }

    private async Task Finish(Guid jobId, string owner, ImportStatus status, string? failure, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await Report(jobId, owner, s => s.SetProperty(j => j.Status, status).SetProperty(j => j.Failure, failure)
            .SetProperty(j => j.Progress, status == ImportStatus.Done ? 100 : 0).SetProperty(j => j.FinishedAt, now), ct, release: true);
    }

    /// <summary>
    /// Updates the job if this node still holds it, renewing the lease (or giving it up when the work is over); throws
    /// when another node has taken it over.
    /// </summary>
    private async Task Report(Guid jobId, string owner,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ImportJob>> set, CancellationToken ct, bool release = false)
    {
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? until = release ? null : now + _options.Lease;
        var updated = await db.Set<ImportJob>().Where(j => j.Id == jobId && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.LeaseUntil, until);
                if (release) s.SetProperty(j => j.LeaseOwner, (string?)null);
                set(s);
            }, ct);
        if (updated == 0) throw new ImportLeaseLostException();
    }

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..max];
}
