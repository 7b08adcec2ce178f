namespace Waterwheel.Bench.Ingest;

/// <summary>
/// CPU of the PostgreSQL server's processes on this machine, from /proc: user + system time of every process named
/// postgres, plus what the postmaster collected from backends that exited. It is the whole cluster's, so another
/// session's tests on the same cluster would show here too; null when the cluster is not local or /proc is absent.
/// </summary>
internal static class PostgresCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan? Now()
    {
        if (!Directory.Exists("/proc")) return null;
        double ticks = 0;
        var found = false;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < 0 || stat[(open + 1)..close] != "postgres") continue;
            // Fields after the command: state, ppid, … utime (14th field), stime, cutime, cstime.
            var fields = stat[(close + 2)..].Split(' ');
            ticks += double.Parse(fields[11]) + double.Parse(fields[12]) + double.Parse(fields[13]) + double.Parse(fields[14]);
            found = true;
        }
        return found ? TimeSpan.FromSeconds(ticks / TicksPerSecond) : null;
    }
}

internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
