using System.Runtime.InteropServices;

namespace Waterwheel.Bench.Audiences;

/// <summary>
/// The CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a 2-core machine shared with other builds
/// (load 10 and more) a computation of a few milliseconds is preempted and waits, so its wall time is several times
/// its work; the CPU time says what the same count costs on a machine of its own.
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static double Milliseconds()
    {
        if (ClockGetTime(ThreadCpuTime, out var time) != 0) return double.NaN;
        return time.Seconds * 1_000.0 + time.Nanoseconds / 1_000_000.0;
    }
}
