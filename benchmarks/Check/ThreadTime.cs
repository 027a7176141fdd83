using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Conformance.Benchmarks.Check;

/// <summary>
/// The CPU time of the calling thread (Linux), so a pass is timed by the work it did, not by how long other processes
/// held the cores; elsewhere the wall clock. The workloads run on one thread, and the non-concurrent workstation GC
/// collects on the thread that allocates, so its work is counted too.
/// </summary>
internal static partial class ThreadTime
{
    private const int ThreadCpuTimeClock = 3;   // CLOCK_THREAD_CPUTIME_ID

    private static readonly bool Available = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>What the numbers are: said in the results table.</summary>
    public static string Kind => Available ? "thread CPU time" : "wall-clock time";

    /// <summary>Nanoseconds of this thread's CPU time (or of the wall clock) that <paramref name="run"/> took.</summary>
    public static double Of(Action run)
    {
        if (!Available)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            return Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        }
        TryRead(out var before);
        run();
        TryRead(out var after);
        return after - before;
    }

    private static bool TryRead(out double nanoseconds)
    {
        var ok = ClockGetTime(ThreadCpuTimeClock, out var time) == 0;
        nanoseconds = time.Seconds * 1e9 + time.Nanoseconds;
        return ok;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
