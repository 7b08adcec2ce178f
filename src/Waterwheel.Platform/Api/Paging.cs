namespace Waterwheel.Platform.Api;

/// <summary>
/// Paging, sorting and free-text search shared by every list endpoint. All optional in the query string
/// (page=1, pageSize=20, sort, desc, q).
/// </summary>
public record PageQuery
{
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real list, and low enough that (page − 1) × pageSize stays a valid offset.</summary>
    public const int MaxPage = 1_000_000;

    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Sort { get; set; }
    public bool? Desc { get; set; }
    public string? Q { get; set; }

    public int PageNumber => Math.Max(1, Page ?? 1);
    public int Skip => (PageNumber - 1) * Take;
    public int Take => Math.Clamp(PageSize ?? 20, 1, MaxPageSize);
    public bool Descending => Desc ?? false;
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    /// <summary>Every out-of-range paging field at once, or null.</summary>
    public Error? Invalid()
    {
        var fields = new Dictionary<string, string[]>();
        if (Page is < 1 or > MaxPage) fields["page"] = [$"'page' must be between 1 and {MaxPage}."];
        if (PageSize is < 1 or > MaxPageSize) fields["pageSize"] = [$"'pageSize' must be between 1 and {MaxPageSize}."];
        return fields.Count == 0 ? null : new Error(ErrorKind.Validation, "validation_failed", "One or more fields are invalid.", fields);
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>
/// A request the helpers it passes through find invalid, where the use case returns data rather than a
/// <see cref="Result{T}"/> (a list's paging). The API's exception handler answers it with its <see cref="Error"/>.
/// </summary>
public sealed class InvalidRequestException(Error error) : Exception(error.Message)
{
    public Error Error { get; } = error;
}
