using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Acquisition.Pools;
using Waterwheel.Acquisition.Routing;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Codes;

public sealed record CodeListQuery : PageQuery
{
    public Guid? ChannelId { get; set; }
    public LiveCodeStatus? Status { get; set; }
}

/// <summary>The brand's live codes (deleted ones only when asked by status), newest first, with arrivals counted.</summary>
internal sealed class ListCodes(AcquisitionDbContext db, CodeShaping shaping, PoolSync pools)
{
    public async Task<Page<CodeView>> Handle(CodeListQuery query, CancellationToken ct)
    {
        var page = await Ordered(query).ToPage(x => x, query, ct);
        return new Page<CodeView>(await Views(page.Items, ct), page.Total, page.PageNumber, page.PageSize);
    }

    /// <summary>Every code the filter matches, in the list's order; refused above the export's limit.</summary>
    public async Task<Result<List<CodeView>>> All(CodeListQuery query, CancellationToken ct)
    {
        var rows = await ListExport.ReadAll(Ordered(query), ct);
        return rows.IsSuccess ? await Views(rows.Value!, ct) : rows.Error!;
    }

    private IQueryable<LiveCode> Ordered(CodeListQuery query)
    {
        var codes = db.Codes.AsNoTracking();
        codes = query.Status is { } status ? codes.Where(c => c.Status == status) : codes.Where(c => c.Status != LiveCodeStatus.Deleted);
        if (query.ChannelId is { } channel) codes = codes.Where(c => c.ChannelId == channel);
        if (query.Search is { } q) codes = codes.Where(c => c.Name.Contains(q) || c.State == q);
        return query.Sort?.ToLowerInvariant() == "name"
            ? (query.Descending ? codes.OrderByDescending(c => c.Name) : codes.OrderBy(c => c.Name)).ThenBy(c => c.Id)
            : (query.Descending ? codes.OrderBy(c => c.CreatedAt) : codes.OrderByDescending(c => c.CreatedAt)).ThenBy(c => c.Id);
    }

    private async Task<List<CodeView>> Views(IReadOnlyList<LiveCode> codes, CancellationToken ct)
    {
        var ids = codes.Select(c => c.Id).ToList();
        var arrivals = await db.Arrivals.AsNoTracking().Where(a => ids.Contains(a.CodeId)).GroupBy(a => a.CodeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await shaping.Names(ct);
        var (_, today) = await pools.Today(ct);
        var items = new List<CodeView>(codes.Count);
        foreach (var code in codes) items.Add(CodeView.Of(code, names, await pools.AddsOn(code.Id, today, ct), arrivals.GetValueOrDefault(code.Id)));
        return items;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/codes", async ([AsParameters] CodeListQuery query, ListCodes handler, CancellationToken ct) => TypedResults.Ok(await handler.Handle(query, ct)))
            .RequireAuthorization(Permissions.AcquisitionRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ListCodes")
            .WithSummary("The brand's live codes (q: name contains or exact state; channelId; status; sort created|name) with arrivals counted");

        api.MapGet("/codes/export", async ([AsParameters] CodeListQuery query, string? format, ListCodes handler, Channels.AcquisitionFiles files, CancellationToken ct) =>
            {
                var rows = await handler.All(query, ct);
                return rows.IsSuccess ? await files.Codes(rows.Value!, format, query, ct) : rows.Error!.ToProblem();
            })
            .RequireAuthorization(Permissions.AcquisitionRead)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportCodes")
            .WithSummary("The live codes as CSV or xlsx (format), same filter and order, with channel, staff pool and arrivals (audited)");
    }
}

/// <summary>One live code; its version as ETag.</summary>
internal sealed class GetCode(AcquisitionDbContext db, CodeShaping shaping, PoolSync pools)
{
    public async Task<Result<CodeView>> Handle(Guid id, CancellationToken ct)
    {
        var code = await db.Codes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return code is null ? Error.NotFound("Live code") : await View(db, shaping, pools, code, ct);
    }

    internal static async Task<CodeView> View(AcquisitionDbContext db, CodeShaping shaping, PoolSync pools, LiveCode code, CancellationToken ct)
    {
        var (_, today) = await pools.Today(ct);
        return CodeView.Of(code, await shaping.Names(ct), await pools.AddsOn(code.Id, today, ct), await db.Arrivals.CountAsync(a => a.CodeId == code.Id, ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/codes/{id:guid}", async (Guid id, HttpResponse response, GetCode handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, c => c.Version))
        .RequireAuthorization(Permissions.AcquisitionRead)
        .WithName("GetCode")
        .WithSummary("One live code with its pool, today's adds per staff member, QR and arrivals");
}

/// <summary>
/// Creates a live code: checks it, makes its WeCom way (add_contact_way) holding the staff who may take adds now, then
/// stores it. A refusal by WeCom stores nothing; a store that fails after WeCom said yes takes the way back out.
/// </summary>
internal sealed class CreateCode(AcquisitionDbContext db, IValidator<SaveCodeRequest> validator, CodeShaping shaping, PoolSync pools,
    IWeComContactWays ways, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<CodeView>> Handle(SaveCodeRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var id = Guid.CreateVersion7();
        var code = new LiveCode
        {
            Id = id, TenantId = actor.TenantId!.Value, State = StateFor(id), CreatedAt = time.GetUtcNow().UtcDateTime,
            PublicToken = request.Lbs is null ? null : LiveCode.NewToken(),
        };
        if (await shaping.Apply(code, request, ct) is { } refused) return refused;
        if (code.ExpiresAt <= code.CreatedAt) return Error.Invalid("expiresAt", AcquisitionText.Get("ExpiryPast"));
        // A nearest-store code prints its landing page; its staff get their own ways when the page first picks them.
        if (code.Routing is not null) return await Save(code, ct);
        var (local, _) = await pools.Today(ct);
        var users = PoolPlanner.Plan(code, local, new Dictionary<string, int>());
        var made = await ways.Create(code.TenantId, PoolSync.Spec(code, users), ct);
        if (!made.IsDone) return CodeShaping.Refused(made);
        (code.ConfigId, code.QrCodeUrl, code.LiveUserIds) = (made.Value!.ConfigId, made.Value.QrCodeUrl, users.ToList());
        return await Save(code, ct);
    }

    private async Task<Result<CodeView>> Save(LiveCode code, CancellationToken ct)
    {
        db.Codes.Add(code);
        if (await db.SaveOrStale(ct) is { } lost)
        {
            if (code.ConfigId.Length > 0) await ways.Delete(code.TenantId, code.ConfigId, CancellationToken.None);
            return lost;
        }
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "live_code", code.Id.ToString(), $"live code {code.Name} ({code.State}) created", ct);
        return await GetCode.View(db, shaping, pools, code, ct);
    }

    /// <summary>The state names the code in every add: "lc" and the random tail of its id, 14 characters, unique in practice and by index.</summary>
    internal static string StateFor(Guid id) => "lc" + id.ToString("N")[20..];

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/codes", async (SaveCodeRequest request, CreateCode handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(c => $"/api/acquisition/codes/{c.Id}"))
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("CreateCode")
        .WithSummary("Creates a live code and its WeCom contact way: channelId, name, pool [{staffId, dailyCap, backup}], policy, skipVerify, schedule, tagIds, welcome, expiresAt; lbs {radiusKm, fallback, guideDailyCap} makes a nearest-store code with a landing page (audited)");
}

/// <summary>Edits a live code (If-Match; audited): WeCom's way is updated in place, so the printed QR stays.</summary>
internal sealed class UpdateCode(AcquisitionDbContext db, IValidator<SaveCodeRequest> validator, CodeShaping shaping, PoolSync pools,
    IWeComContactWays ways, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<CodeView>> Handle(Guid id, SaveCodeRequest request, string? ifMatch, CancellationToken ct)
    {
        var code = await db.Codes.FirstOrDefaultAsync(c => c.Id == id && c.Status != LiveCodeStatus.Deleted, ct);
        if (code is null) return Error.NotFound("Live code");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (ETags.Check(ifMatch, code.Version) is { } precondition) return precondition;
        if (code.Status != LiveCodeStatus.Active) return Error.Conflict("code_expired", AcquisitionText.Get("CodeExpired"));
        // The printed QR is either a WeCom way or a landing page: it cannot become the other.
        if ((code.Routing is null) != (request.Lbs is null)) return Error.Invalid("lbs", AcquisitionText.Get("LbsKindFixed"));
        if (await shaping.Apply(code, request, ct) is { } refused) return refused;
        if (code.ExpiresAt <= time.GetUtcNow().UtcDateTime) return Error.Invalid("expiresAt", AcquisitionText.Get("ExpiryPast"));
        if (code.Routing is not null) return await Saved(code, ct);
        var (local, today) = await pools.Today(ct);
        var users = PoolPlanner.Plan(code, local, await pools.AddsOn(code.Id, today, ct));
        // Sent whether or not the staff changed: the name, state and skip-verify travel with it.
        var updated = await ways.Update(code.TenantId, code.ConfigId, PoolSync.Spec(code, users), ct);
        if (!updated.IsDone) return CodeShaping.Refused(updated);
        code.LiveUserIds = users.ToList();
        return await Saved(code, ct);
    }

    private async Task<Result<CodeView>> Saved(LiveCode code, CancellationToken ct)
    {
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "live_code", code.Id.ToString(), $"live code {code.Name} ({code.State}) changed", ct);
        return await GetCode.View(db, shaping, pools, code, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/codes/{id:guid}", async (Guid id, SaveCodeRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                UpdateCode handler, CancellationToken ct) => (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, c => c.Version))
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("UpdateCode")
        .WithSummary("Changes a live code; its WeCom way is updated and the QR stays (If-Match: its version; audited)");
}

/// <summary>Deletes a live code (If-Match; audited): its WeCom way goes (the QR stops working); its arrivals stay for reports.</summary>
internal sealed class DeleteCode(AcquisitionDbContext db, IWeComContactWays ways, StoreWays storeWays, Cards.CardWays cardWays, IAuditLog audit)
{
    public async Task<Result<bool>> Handle(Guid id, string? ifMatch, CancellationToken ct)
    {
        var code = await db.Codes.FirstOrDefaultAsync(c => c.Id == id && c.Status != LiveCodeStatus.Deleted, ct);
        if (code is null) return Error.NotFound("Live code");
        if (ETags.Check(ifMatch, code.Version) is { } precondition) return precondition;
        var deleted = code.Routing is null ? await ways.Delete(code.TenantId, code.ConfigId, ct) : await storeWays.RemoveAll(code, ct);
        if (deleted.IsDone) deleted = await cardWays.RemoveAll(code, ct);
        if (!deleted.IsDone) return CodeShaping.Refused(deleted);
        code.Status = LiveCodeStatus.Deleted;
        code.LiveUserIds = [];
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "live_code", code.Id.ToString(), $"live code {code.Name} ({code.State}) deleted", ct);
        return true;
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/codes/{id:guid}", async Task<IResult> (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, DeleteCode handler, CancellationToken ct) =>
            await handler.Handle(id, ifMatch, ct) is { IsSuccess: false } failed ? failed.Error!.ToProblem() : TypedResults.NoContent())
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithName("DeleteCode")
        .WithSummary("Deletes a live code and its WeCom contact way; arrivals stay (If-Match: its version; audited)");
}
