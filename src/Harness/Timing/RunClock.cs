using System.Globalization;
using Conformance.Protocol.Tracing;

namespace Conformance.Harness.Timing;

/// <summary>Which clock a run uses: a <see cref="VirtualClock"/> for a module in this process, the system clock otherwise.</summary>
public static class RunClock
{
    /// <summary>
    /// The clock for a run against <paramref name="target"/> (as given to <c>--target</c>): virtual for
    /// <c>emulator…</c>, <c>mutant:…</c> and <c>replay:…</c>, whose every timer is in this process, unless <paramref name="realTime"/>.
    /// A returned <see cref="VirtualClock"/> is the caller's to dispose.
    /// </summary>
    public static TimeProvider For(string target, bool realTime)
    {
        const string replay = "replay:";
        var isReplay = target.StartsWith(replay, StringComparison.OrdinalIgnoreCase);
        var inProcess = target.StartsWith("emulator", StringComparison.OrdinalIgnoreCase) || target.StartsWith("mutant:", StringComparison.OrdinalIgnoreCase);
        if (realTime || !(isReplay || inProcess)) return TimeProvider.System;
        // A replay runs on the trace's own time: from its start, so the two traces line up record for record.
        // It has no real I/O to wait for, only hand-overs between threads of this process: a shorter settle does.
        if (isReplay) return new VirtualClock(Started(target[replay.Length..]) ?? TimeProvider.System.GetUtcNow(), TimeSpan.FromMilliseconds(5));
        return new VirtualClock(TimeProvider.System.GetUtcNow());
    }

    // The 'started' header of a trace; null when the file cannot be read or has none (the link reports why).
    private static DateTimeOffset? Started(string path)
    {
        try
        {
            using var reader = File.OpenText(path);
            while (reader.ReadLine() is { } line && line.StartsWith('#'))
                if (TraceFormat.TryParseHeader(line, out var key, out var value) && key == "started"
                    && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started))
                    return started;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The replay link says what is wrong with the file.
        }
        return null;
    }
}
