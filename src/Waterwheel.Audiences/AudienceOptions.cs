namespace Waterwheel.Audiences;

/// <summary><c>Waterwheel:Audiences</c>: how closely each node follows the change log, and how long the log is kept.</summary>
public sealed class AudienceOptions
{
    public const string Section = "Waterwheel:Audiences";

    /// <summary>How often the tail reads the change log: a change reaches every node's counts within about this.</summary>
    public TimeSpan TailInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public int TailBatch { get; set; } = 5_000;

    /// <summary>How long a skipped sequence is asked for again before it counts as a rolled-back write.</summary>
    public TimeSpan GapPatience { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Change-log rows older than this are deleted; a node away longer rebuilds from the tables at its start.</summary>
    public TimeSpan KeepChanges { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A bulk tagging or a pack is refused beyond this many customers, so one request never holds a node for minutes.</summary>
    public int MaxBulk { get; set; } = 200_000;

    /// <summary>
    /// How often saved segments' and rule tags' members are worked out again (once per cluster): a change reaches their
    /// enter/exit events and rule tags within about this plus <see cref="TailInterval"/>.
    /// </summary>
    public TimeSpan MembershipInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
