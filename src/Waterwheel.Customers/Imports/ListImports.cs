using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>The tenant's imports, newest first.</summary>
internal sealed class ListImports(CustomersDbContext db, ActorContext actor)
{
    public async Task<Result<Page<ImportJobView>>> Handle(PageQuery query, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        var page = await db.Set<ImportJob>().AsNoTracking().OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .ToPage(q => q, query, ct);
        return new Page<ImportJobView>(page.Items.Select(ImportJobView.From).ToList(), page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports", async ([AsParameters] PageQuery query, ListImports handler, CancellationToken ct) => (await handler.Handle(query, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("ListCustomerImports")
        .WithSummary("Imports of customers and orders, newest first (paging)");
}

/// <summary>One import: its status, progress and counts, for polling.</summary>
internal sealed class GetImport(CustomersDbContext db, ActorContext actor)
{
    public async Task<Result<ImportJobView>> Handle(Guid id, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        return await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? ImportJobView.From(job)
            : Error.NotFound("Import");
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}", async (Guid id, GetImport handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("GetCustomerImport")
        .WithSummary("One import: status, progress (0–100) and row counts");
}

public sealed record ImportErrorView(int Line, string Column, string Code, string Reason);

/// <summary>The dry run's problems in file order, a page at a time.</summary>
internal sealed class ListImportErrors(CustomersDbContext db, ActorContext actor)
{
    public async Task<Result<Page<ImportErrorView>>> Handle(Guid id, PageQuery query, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        if (!await db.Set<ImportJob>().AnyAsync(j => j.Id == id, ct)) return Error.NotFound("Import");
        return await db.Set<ImportRowError>().AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Line).ThenBy(e => e.Id)
            .ToPage(q => q.Select(e => new ImportErrorView(e.Line, e.Column, e.Code, e.Reason)), query, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}/errors", async (Guid id, [AsParameters] PageQuery query, ListImportErrors handler, CancellationToken ct) =>
            (await handler.Handle(id, query, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("ListCustomerImportErrors")
        .WithSummary("The invalid rows' problems: line (the header is line 1), column and reason (paging; the first 10,000 are kept)");
}
