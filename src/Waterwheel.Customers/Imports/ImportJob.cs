namespace Waterwheel.Customers.Imports;

public enum ImportKind { Orders, Customers }

/// <summary>What to do with invalid rows: refuse the whole file, or write the valid rows and leave the rest.</summary>
public enum ImportMode { AllOrNothing, SkipInvalid }

/// <summary>
/// Uploaded (the columns need mapping) → Validating → Validated (the dry run's verdict) → Committing → Done; Failed when
/// the file cannot be read at all (truncated, not a spreadsheet), with <see cref="ImportJob.Failure"/> saying why.
/// </summary>
public enum ImportStatus { Uploaded, Validating, Validated, Committing, Done, Failed }

/// <summary>
/// One uploaded file and what became of it. The file itself lives in <see cref="ImportFileChunk"/> rows, so that any node
/// can validate or commit it; the node working on it holds a lease (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>)
/// that it renews with every progress report, and a node that dies lets the lease lapse for another to resume.
/// </summary>
internal sealed class ImportJob
{
    public const int FileNameLength = 200;
    public const int FailureLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public ImportKind Kind { get; set; }

    /// <summary>A built-in template's key (tmall, jd, douyin, pos, customers) or a user-defined template's id.</summary>
    public string Template { get; set; } = "";

    /// <summary>Field → file column, as JSON; the template's columns matched against the file's header, or as the user mapped them.</summary>
    public string Mapping { get; set; } = "{}";

    public string FileName { get; init; } = "";
    public string FileHash { get; set; } = "";
    public long FileSize { get; set; }

    /// <summary>The text encoding found at upload (utf-8, utf-16, gb18030); empty for xlsx.</summary>
    public string Encoding { get; set; } = "";

    public ImportMode? Mode { get; set; }
    public ImportStatus Status { get; set; }
    public string? Failure { get; set; }

    public int TotalRows { get; set; }
    public int ValidRows { get; set; }
    public int InvalidRows { get; set; }

    /// <summary>Problems found, which may be more than are stored (see ImportOptions.MaxStoredErrors) and than invalid rows.</summary>
    public int ErrorCount { get; set; }

    /// <summary>Rows that wrote something new: an order, or a customer's description.</summary>
    public int WrittenRows { get; set; }

    /// <summary>Orders already imported before (by this or another file): a second import of a file changes nothing.</summary>
    public int DuplicateRows { get; set; }

    /// <summary>
    /// Closed or cancelled orders (交易关闭, 已取消): the buyer is known and described, but the order is not counted as one.
    /// </summary>
    public int SkippedRows { get; set; }

    /// <summary>The last data row whose effect is committed: a resumed commit starts after it.</summary>
    public int CommittedThroughRow { get; set; }

    /// <summary>Rows read so far in the current pass (validation or commit), for the progress bar.</summary>
    public int ProcessedRows { get; set; }

    public int Progress { get; set; }

    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Version { get; set; }

    public bool IsWorking => Status is ImportStatus.Validating or ImportStatus.Committing;
}

/// <summary>One reason one row cannot be imported. Line is the row as a spreadsheet numbers it (the header is line 1).</summary>
internal sealed class ImportRowError
{
    public const int ColumnLength = 100;
    public const int ReasonLength = 300;

    public long Id { get; init; }
    public Guid TenantId { get; init; }
    public Guid JobId { get; init; }
    public int Line { get; init; }
    public string Column { get; init; } = "";
    public string Code { get; init; } = "";
    public string Reason { get; init; } = "";
}

/// <summary>A slice of an uploaded file, in order of <see cref="Index"/>; deleted once the job is done with it.</summary>
internal sealed class ImportFileChunk
{
    public const int Size = 1024 * 1024;

    public Guid JobId { get; init; }
    public int Index { get; init; }
    public byte[] Data { get; init; } = [];
}
