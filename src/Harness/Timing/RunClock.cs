namespace Conformance.Harness.Timing;

/// <summary>Which clock a run uses: a <see cref="VirtualClock"/> for a module in this process, the system clock otherwise.</summary>
public static class RunClock
{
    /// <summary>
    /// The clock for a run against <paramref name="target"/> (as given to <c>--target</c>): virtual for
    /// <c>emulator…</c> and <c>replay:…</c>, whose every timer is in this process, unless <paramref name="realTime"/>.
    /// A returned <see cref="VirtualClock"/> is the caller's to dispose.
    /// </summary>
    public static TimeProvider For(string target, bool realTime)
    {
        var inProcess = target.StartsWith("emulator", StringComparison.OrdinalIgnoreCase) || target.StartsWith("replay:", StringComparison.OrdinalIgnoreCase);
        return inProcess && !realTime ? new VirtualClock(TimeProvider.System.GetUtcNow()) : TimeProvider.System;
    }
}
