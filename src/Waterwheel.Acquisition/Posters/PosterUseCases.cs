using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using SkiaSharp;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Posters;

/// <summary>The code a poster belongs to, if the caller's tenant has it and it is not deleted: asked first, so another tenant's code is not found whatever was sent.</summary>
internal static class PosterCodes
{
    public static Task<LiveCode?> Find(AcquisitionDbContext db, Guid codeId, CancellationToken ct) =>
        db.Codes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == codeId && c.Status != LiveCodeStatus.Deleted, ct);

    /// <summary>The poster without its background, which can be megabytes: the views need only its size.</summary>
    public static Task<Poster?> Shape(AcquisitionDbContext db, Guid codeId, CancellationToken ct) => db.Posters.AsNoTracking().Where(p => p.CodeId == codeId)
        .Select(p => new Poster
        {
            CodeId = p.CodeId, TenantId = p.TenantId, BackgroundFormat = p.BackgroundFormat, Width = p.Width, Height = p.Height, Layout = p.Layout,
            UpdatedAt = p.UpdatedAt, Version = p.Version,
        })
        .FirstOrDefaultAsync(ct);
}

/// <summary>A code's poster: background size, layout and version (as ETag).</summary>
internal sealed class GetPoster(AcquisitionDbContext db)
{
    public async Task<Result<PosterView>> Handle(Guid codeId, CancellationToken ct)
    {
        if (await PosterCodes.Find(db, codeId, ct) is null) return Error.NotFound("Live code");
        return PosterView.Of(codeId, await PosterCodes.Shape(db, codeId, ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/codes/{id:guid}/poster", async (Guid id, HttpResponse response, GetPoster handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, p => p.Version))
        .RequireAuthorization(Permissions.AcquisitionRead)
        .WithName("GetPoster")
        .WithSummary("A live code's poster: whether it has a background, its size in pixels, and where the QR and caption go");
}

/// <summary>
/// Replaces a code's poster background with an uploaded image (PNG, JPEG or WebP, decoded to be sure; at most 5 MB and
/// 30 megapixels). Anything else is refused and nothing is stored. The layout stays; audited.
/// </summary>
internal sealed class UploadPosterBackground(AcquisitionDbContext db, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<PosterView>> Handle(Guid codeId, byte[]? file, string? fileProblem, CancellationToken ct)
    {
        var code = await PosterCodes.Find(db, codeId, ct);
        if (code is null) return Error.NotFound("Live code");
        if (fileProblem is not null) return Error.Invalid("file", fileProblem);
        var checkedFile = PosterBackgrounds.Check(file);
        if (!checkedFile.IsSuccess) return checkedFile.Error!;
        var info = checkedFile.Value!;
        var poster = await db.Posters.FirstOrDefaultAsync(p => p.CodeId == codeId, ct);
        if (poster is null)
        {
            poster = new Poster { CodeId = codeId, TenantId = actor.TenantId!.Value, Version = 1 };
            db.Posters.Add(poster);
        }
        (poster.Background, poster.BackgroundFormat, poster.Width, poster.Height) = (file, info.Format, info.Width, info.Height);
        poster.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "live_code", code.Id.ToString(),
            $"live code {code.Name} ({code.State}) poster background uploaded: {info.Format} {info.Width}×{info.Height}, {file!.Length:N0} bytes", ct);
        return PosterView.Of(codeId, poster);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/codes/{id:guid}/poster/background", async (Guid id, HttpRequest request, UploadPosterBackground handler, CancellationToken ct) =>
            {
                var (file, tooLarge) = await UploadedFile.Read(request, PosterBackgrounds.MaxBytes, ct);
                return (await handler.Handle(id, file, tooLarge ? PosterBackgrounds.TooLarge().Message : null, ct)).ToOk();
            })
        .Accepts<IFormFile>("multipart/form-data")
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesValidationProblem()
        .WithName("UploadPosterBackground")
        .WithSummary("Replaces a live code's poster background (multipart part 'file': PNG, JPEG or WebP, at most 5 MB and 30 megapixels) (audited)");


}

/// <summary>Saves where a code's QR and caption go (If-Match: the poster's version; audited).</summary>
internal sealed class SavePosterLayout(AcquisitionDbContext db, IValidator<SavePosterLayoutRequest> validator, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<PosterView>> Handle(Guid codeId, SavePosterLayoutRequest request, string? ifMatch, CancellationToken ct)
    {
        var code = await PosterCodes.Find(db, codeId, ct);
        if (code is null) return Error.NotFound("Live code");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var poster = await db.Posters.FirstOrDefaultAsync(p => p.CodeId == codeId, ct);
        if (ETags.Check(ifMatch, poster?.Version ?? 0) is { } precondition) return precondition;
        if (poster is null)
        {
            // Version 1 on creation, so that the ETag moves from the 0 of "no poster yet".
            poster = new Poster { CodeId = codeId, TenantId = actor.TenantId!.Value, Version = 1 };
            db.Posters.Add(poster);
        }
        poster.Layout = request.ToLayout();
        poster.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "live_code", code.Id.ToString(), $"live code {code.Name} ({code.State}) poster layout changed", ct);
        return PosterView.Of(codeId, poster);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/codes/{id:guid}/poster/layout", async (Guid id, SavePosterLayoutRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpResponse response, SavePosterLayout handler, CancellationToken ct) => (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, p => p.Version))
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithName("SavePosterLayout")
        .WithSummary("Where a live code's QR and caption go on its poster, as fractions of the background: qrX, qrY, qrSize, caption, captionX, captionY, captionSize, captionColor (If-Match; audited)");
}

/// <summary>A rendered poster and the file name it is downloaded under.</summary>
public sealed record PosterFile(byte[] Content, string FileName);

/// <summary>
/// Renders a code's poster, at print size for a download or smaller for the editor's preview; the preview may carry a
/// layout not saved yet.
/// </summary>
internal sealed class RenderPoster(AcquisitionDbContext db, IValidator<SavePosterLayoutRequest> validator)
{
    public const int PreviewWidth = 480;

    public async Task<Result<PosterFile>> Handle(Guid codeId, CancellationToken ct)
    {
        var code = await PosterCodes.Find(db, codeId, ct);
        if (code is null) return Error.NotFound("Live code");
        var poster = await db.Posters.AsNoTracking().FirstOrDefaultAsync(p => p.CodeId == codeId, ct);
        var png = PosterRenderer.Render(poster?.Background, poster?.Layout ?? PosterLayout.Default, code.QrCodeUrl);
        return png.IsSuccess ? new PosterFile(png.Value!, FileName(code.Name)) : png.Error!;
    }

    /// <summary>A small JPEG of the poster with this layout, as a data URL for the editor; a layout that would not save gets its field errors instead.</summary>
    public async Task<Result<string>> Preview(Guid codeId, SavePosterLayoutRequest request, CancellationToken ct)
    {
        var code = await PosterCodes.Find(db, codeId, ct);
        if (code is null) return Error.NotFound("Live code");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var layout = request.ToLayout();
        var background = await db.Posters.AsNoTracking().Where(p => p.CodeId == codeId).Select(p => p.Background).FirstOrDefaultAsync(ct);
        var jpeg = PosterRenderer.Render(background, layout, code.QrCodeUrl, PreviewWidth, SKEncodedImageFormat.Jpeg);
        return jpeg.IsSuccess ? "data:image/jpeg;base64," + Convert.ToBase64String(jpeg.Value!) : jpeg.Error!;
    }

    internal static string FileName(string codeName)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(codeName.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return $"{(safe.Length == 0 ? "poster" : safe)}-海报.png";
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/codes/{id:guid}/poster.png", async Task<IResult> (Guid id, RenderPoster handler, CancellationToken ct) =>
            {
                var poster = await handler.Handle(id, ct);
                return poster.IsSuccess ? TypedResults.File(poster.Value!.Content, "image/png", poster.Value.FileName) : poster.Error!.ToProblem();
            })
        .RequireAuthorization(Permissions.AcquisitionRead)
        .Produces(StatusCodes.Status200OK, contentType: "image/png")
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("DownloadPoster")
        .WithSummary("A live code's poster as a PNG at print resolution (at least 1,500 px wide), downloaded as '<code name>-海报.png'");
}
