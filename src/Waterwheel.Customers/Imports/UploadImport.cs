using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>
/// Takes a file in, streaming it into storage, and reads its header. With a template whose columns the header has, the
/// dry run starts at once; otherwise the job waits for the columns to be mapped (<see cref="MapImport"/>).
/// </summary>
internal sealed class UploadImport(
    CustomersDbContext db, ActorContext actor, ImportFiles files, ImportPlans plans, ImportSignal signal, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<ImportJobView>> Handle(string? fileName, Stream content, string? template, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > ImportJob.FileNameLength || !PlainText.IsPlain(name))
            return Error.Invalid("file", CustomersText.Format("FileNameTooLong", ImportJob.FileNameLength));
        var chosen = template is null ? null : await plans.Template(template, ct);
        if (template is not null && chosen is null) return Error.Invalid("template", CustomersText.Get("NoSuchTemplate"));

        var now = time.GetUtcNow().UtcDateTime;
        var job = new ImportJob
        {
            TenantId = actor.TenantId!.Value, FileName = name, Kind = chosen?.Kind ?? ImportKind.Orders, Template = chosen?.Key ?? "",
            Status = ImportStatus.Uploaded, CreatedBy = actor.Name, CreatedAt = now, UpdatedAt = now,
        };
        var stored = await files.Store(job.Id, content, ct);
        if (stored.TooLarge) return Error.Invalid("file", CustomersText.Get("FileTooLarge"));
        if (stored.Size == 0) return Error.Invalid("file", CustomersText.Get("FileEmpty"));
        (job.FileHash, job.FileSize, job.Encoding) = (stored.Hash, stored.Size, stored.Encoding);

        var header = await ImportHeader.Read(files, job, ct);
        if (header.Problem is { } unreadable)
        {
            await files.Delete(job.Id, CancellationToken.None);
            return Error.Invalid("file", unreadable);
        }
        if (chosen is not null)
        {
            var mapping = ImportMappings.Match(chosen, header.Columns);
            job.Mapping = ImportJson.Write(mapping);
            if (ImportMappings.Missing(chosen.Kind, mapping).Count == 0) job.Status = ImportStatus.Validating;
        }
        db.Add(job);
        await db.SaveChangesAsync(ct);
        // File name and size only: the file's rows are customers' personal data.
        await audit.RecordNowAsync(AuditActions.ImportUploaded, "customer_import", job.Id.ToString(), $"{name}; {stored.Size:N0} bytes; template {job.Template}", ct);
        if (job.Status == ImportStatus.Validating) signal.Notify();
        return ImportJobView.From(job);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/imports", async (HttpRequest request, string? template, UploadImport handler, IOptions<ImportOptions> options, CancellationToken ct) =>
            {
                if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = options.Value.MaxUploadBytes + 64 * 1024;
                if (await FilePart(request, ct) is not { } part)
                    return (IResult)Error.Invalid("file", CustomersText.Get("SendMultipart")).ToProblem();
                return (await handler.Handle(part.FileName, part.Section.Body, template, ct)).ToCreated(j => $"/api/customers/imports/{j.Id}").Result;
            })
        .Accepts<IFormFile>("multipart/form-data")
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("UploadCustomerImport")
        .WithSummary("Upload a CSV or .xlsx file of orders or customers (multipart, part 'file'; ?template=tmall|jd|douyin|pos|customers|{id}); the dry run starts when the template's columns are found");

    /// <summary>The file's part, read as a stream rather than buffered: a file may be hundreds of megabytes.</summary>
    private static async Task<(string FileName, MultipartSection Section)?> FilePart(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return null;
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                return ((disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "", section);
        }
        return null;
    }
}

/// <summary>The header of a stored file, or why it cannot be read.</summary>
internal static class ImportHeader
{
    public static async Task<(string[] Columns, string? Problem)> Read(ImportFiles files, ImportJob job, CancellationToken ct)
    {
        var path = await files.Local(job, ct);
        try
        {
            using var rows = ImportReader.Rows(path, job.Encoding, null, out var header).GetEnumerator();
            // Started once, so that disposing it closes the file (an iterator never started has nothing to dispose).
            rows.MoveNext();
            return header.Length == 0 || header.All(h => h.Length == 0) ? ([], CustomersText.Get("NoHeaderRow")) : (header, null);
        }
        catch (UnreadableFileException e)
        {
            return ([], e.Message);
        }
    }
}
