using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Waterwheel.Customers.Imports;

/// <summary>What the upload learned about a file while storing it.</summary>
internal sealed record StoredFile(string Hash, long Size, string Encoding, bool TooLarge);

/// <summary>
/// Keeps an uploaded file in the database, a megabyte a row, so that whichever node claims the job can read it; each node
/// works from its own copy on local disk, made from those rows when it has none. Nothing holds more than a chunk in memory.
/// </summary>
internal sealed class ImportFiles(CustomersDbContext db, IOptions<ImportOptions> options)
{
    private readonly ImportOptions _options = options.Value;

    public async Task<StoredFile> Store(Guid jobId, Stream content, CancellationToken ct)
    {
        try
        {
            return await StoreChunks(jobId, content, ct);
        }
        catch
        {
            // An upload cut off by the client leaves nothing behind.
            await Delete(jobId, CancellationToken.None);
            throw;
        }
    }

    private async Task<StoredFile> StoreChunks(Guid jobId, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(_options.WorkDirectory);
        var local = LocalPath(jobId);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sniffer = new EncodingSniffer();
        var buffer = new byte[ImportFileChunk.Size];
        long size = 0;
        var index = 0;
        await using (var copy = new FileStream(local, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            while (true)
            {
                var filled = await Fill(content, buffer, ct);
                if (filled == 0) break;
                size += filled;
                if (size > _options.MaxUploadBytes) break;
                var bytes = buffer.AsMemory(0, filled);
                hash.AppendData(bytes.Span);
                sniffer.Feed(bytes.Span);
                await copy.WriteAsync(bytes, ct);
                db.Add(new ImportFileChunk { JobId = jobId, Index = index++, Data = bytes.ToArray() });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                if (filled < buffer.Length) break;
            }
        }
        if (size > _options.MaxUploadBytes)
        {
            await Delete(jobId, CancellationToken.None);
            return new StoredFile("", size, "", TooLarge: true);
        }
        return new StoredFile(Convert.ToHexStringLower(hash.GetHashAndReset()), size, sniffer.IsZip ? "" : sniffer.Result(), false);
    }

    /// <summary>This node's copy of the file, fetched from the database when it has none (another node took the upload).</summary>
    public async Task<string> Local(ImportJob job, CancellationToken ct)
    {
        var path = LocalPath(job.Id);
        if (File.Exists(path) && new FileInfo(path).Length == job.FileSize) return path;
        Directory.CreateDirectory(_options.WorkDirectory);
        var partial = path + ".part";
        await using (var copy = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            for (var index = 0; ; index++)
            {
                var chunk = await db.Set<ImportFileChunk>().AsNoTracking().Where(c => c.JobId == job.Id && c.Index == index)
                    .Select(c => c.Data).FirstOrDefaultAsync(ct);
                if (chunk is null) break;
                await copy.WriteAsync(chunk, ct);
            }
        }
        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>The file holds customers' personal data: once its job is done with it, it goes.</summary>
    public async Task Delete(Guid jobId, CancellationToken ct)
    {
        await db.Set<ImportFileChunk>().Where(c => c.JobId == jobId).ExecuteDeleteAsync(ct);
        try { File.Delete(LocalPath(jobId)); } catch (IOException) { }
    }

    /// <summary>
    /// Deletes this node's copies of files whose job is done or gone: the node that committed a job deletes its own copy
    /// and the stored file, but the node that took the upload still has one.
    /// </summary>
    public async Task SweepLocal(CancellationToken ct)
    {
        if (!Directory.Exists(_options.WorkDirectory)) return;
        var copies = Directory.EnumerateFiles(_options.WorkDirectory, "*.upload")
            .Select(f => (Path: f, Id: Guid.TryParseExact(Path.GetFileNameWithoutExtension(f), "N", out var id) ? id : Guid.Empty))
            .Where(c => c.Id != Guid.Empty).Take(500).ToList();
        if (copies.Count == 0) return;
        var ids = copies.Select(c => c.Id).ToList();
        var live = await db.Set<ImportJob>().IgnoreQueryFilters().Where(j => ids.Contains(j.Id) && j.Status != ImportStatus.Done)
            .Select(j => j.Id).ToListAsync(ct);
        // A copy without a job may be an upload still arriving: only copies older than an hour without one go.
        // File times are the machine's clock, not the business clock.
        var hourAgo = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var copy in copies.Where(c => !live.Contains(c.Id)))
        {
            // Asked again for each copy: an upload saves its file before its job, so a job missing from the first answer
            // may have been saved since, and is then an upload in progress, not a job done.
            var status = await db.Set<ImportJob>().IgnoreQueryFilters().Where(j => j.Id == copy.Id).Select(j => (ImportStatus?)j.Status).FirstOrDefaultAsync(ct);
            if (status == ImportStatus.Done || (status is null && File.GetLastWriteTimeUtc(copy.Path) < hourAgo))
                try { File.Delete(copy.Path); } catch (IOException) { }
        }
    }

    /// <summary>
    /// An upload nobody commits still holds its customers' personal data: past <see cref="ImportOptions.KeepAbandoned"/>
    /// without a change, the stored file is deleted and the job says why. Every node may run this; deleting twice is
    /// deleting once.
    /// </summary>
    public async Task<int> ExpireAbandoned(DateTime now, CancellationToken ct)
    {
        var before = now - _options.KeepAbandoned;
        var jobs = db.Set<ImportJob>().IgnoreQueryFilters();
        var stale = await jobs
            .Where(j => (j.Status == ImportStatus.Uploaded || j.Status == ImportStatus.Validated || j.Status == ImportStatus.Failed) && j.UpdatedAt < before
                && db.Set<ImportFileChunk>().Any(c => c.JobId == j.Id))
            .OrderBy(j => j.UpdatedAt).Select(j => j.Id).Take(100).ToListAsync(ct);
        var failure = $"The file was deleted after {_options.KeepAbandoned.TotalDays:0} days without a commit; upload it again to import it.";
        foreach (var id in stale)
        {
            await db.Serialized(() => jobs.Where(j => j.Id == id && j.UpdatedAt < before).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.Failure, failure).SetProperty(j => j.UpdatedAt, now), ct), ct);
            await Delete(id, ct);
        }
        return stale.Count;
    }

    private string LocalPath(Guid jobId) => Path.Combine(_options.WorkDirectory, $"{jobId:N}.upload");

    private static async Task<int> Fill(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }
}
