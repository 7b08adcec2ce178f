namespace Waterwheel.Customers.Imports;

/// <summary>Waterwheel:Customers:Imports — how big a file may be and how the work on it is paced.</summary>
public sealed class ImportOptions
{
    public const string Section = "Waterwheel:Customers:Imports";

    /// <summary>A million-row order export with twenty columns is about 200 MB.</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    public int MaxRows { get; set; } = 1_000_000;

    /// <summary>Rows per transaction when committing: short enough not to hold SQLite's one writer for long.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Row errors kept for the error list; the count of invalid rows goes on beyond it.</summary>
    public int MaxStoredErrors { get; set; } = 10_000;

    /// <summary>How long a node's claim on a job lasts without a progress report before another node may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks for work that another node was given.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Where a node keeps its copy of a file it works on; the database holds the original.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "waterwheel-imports");

    /// <summary>How often a node deletes its copies of files whose imports are done.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an upload that was never committed keeps its file (it holds customers' personal data).</summary>
    public TimeSpan KeepAbandoned { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Off on a node that should take uploads but leave the work to others (and in tests of exactly that).</summary>
    public bool RunWorker { get; set; } = true;
}
