namespace Waterwheel.Platform.Api;

/// <summary>
/// Paging, sorting and free-text search shared by every list endpoint. All optional in the query string
/// (page=1, pageSize=20, sort, desc, q).
/// </summary>
public record PageQuery
{
    public const int MaxPageSize = 200;

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
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
