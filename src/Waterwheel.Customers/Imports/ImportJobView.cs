using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>A job as the API and the console show it: where it is, how far along, and what it found and wrote.</summary>
public sealed record ImportJobView(
    Guid Id, ImportKind Kind, string Template, string FileName, long FileSize, string Encoding, ImportStatus Status, string? Failure,
    ImportMode? Mode, IReadOnlyDictionary<ImportField, string> Mapping, int TotalRows, int ValidRows, int InvalidRows, int ErrorCount,
    int WrittenRows, int DuplicateRows, int SkippedRows, int ProcessedRows, int Progress, string CreatedBy, DateTime CreatedAt, DateTime? FinishedAt)
{
    internal static ImportJobView From(ImportJob j) => new(j.Id, j.Kind, j.Template, j.FileName, j.FileSize, j.Encoding, j.Status, j.Failure,
        j.Mode, ImportJson.Mapping(j.Mapping), j.TotalRows, j.ValidRows, j.InvalidRows, j.ErrorCount, j.WrittenRows, j.DuplicateRows, j.SkippedRows,
        j.ProcessedRows, j.Progress, j.CreatedBy, j.CreatedAt, j.FinishedAt);
}

internal static class ImportAccess
{
    /// <summary>
    /// An import finds, starts and merges profiles across the whole brand, and what it starts belongs to no store yet:
    /// only head office runs imports.
    /// </summary>
    public static Error? RequireImporter(this ActorContext actor) => actor.IsSystem || actor.Scope.Kind == ScopeKind.Tenant
        ? null
        : Error.Forbidden("head_office_only", CustomersText.Get("ImportsHeadOffice"));
}
