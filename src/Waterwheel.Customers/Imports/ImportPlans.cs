namespace Waterwheel.Customers.Imports;

/// <summary>Finds templates, built-in or the tenant's own, and turns a job's mapping into a plan for reading its rows.</summary>
internal sealed class ImportPlans(CustomersDbContext db)
{
    public async Task<ImportTemplateView?> Template(string key, CancellationToken ct)
    {
        if (BuiltInTemplates.Find(key) is { } builtIn) return builtIn;
        if (!Guid.TryParse(key, out var id)) return null;
        return (await db.Set<ImportTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct))?.View();
    }

    public async Task<IReadOnlyList<ImportTemplateView>> All(CancellationToken ct) =>
        [.. BuiltInTemplates.All, .. (await db.Set<ImportTemplate>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(t => t.View())];

    public async Task<(ImportPlan? Plan, string? Problem)> For(ImportJob job, string[] header, CancellationToken ct)
    {
        if (await Template(job.Template, ct) is not { } template) return (null, "The job's template no longer exists.");
        var (plan, missing) = ImportPlan.For(template.Kind, template.Channel, template.BuyerIdType, header, ImportJson.Mapping(job.Mapping));
        return plan is null ? (null, $"The file has no column {string.Join(", ", missing)}.") : (plan, null);
    }
}
