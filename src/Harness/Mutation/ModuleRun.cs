using Conformance.Protocol.Secrets;
using Conformance.Harness.Links;
using Conformance.Harness.Running;
using Conformance.Harness.Timing;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Syntax;

namespace Conformance.Harness.Mutation;

/// <summary>Runs <paramref name="scenarios"/> against a fresh in-process module with <paramref name="mutant"/> in front (none: the baseline).</summary>
public delegate Task<RunReport> ModuleRun(Mutant? mutant, IReadOnlyList<SelectedScenario> scenarios, CancellationToken cancel);

/// <summary>The in-process module as mutation runs use it: each run on its own module, broker and clock.</summary>
public static class InProcessModule
{
    /// <param name="options">How scenarios are judged (strict or not).</param>
    /// <param name="secrets">Masked in failure messages: a mutant may echo them.</param>
    /// <param name="clock">A new clock per run, the one the in-process link runs on; the runner waits on the same one.
    /// A <see cref="VirtualClock"/> is disposed with its run.</param>
    /// <param name="drive">Moves a clock that does not move by itself until the run is done; null for one that does.</param>
    /// <param name="traces">Where to keep each run's trace (named after the mutant); null to keep none.</param>
    public static ModuleRun Runs(RunOptions options, SecretMasker secrets, Func<TimeProvider> clock,
        Func<TimeProvider, Task<RunReport>, Task<RunReport>>? drive = null, string? traces = null) =>
        async (mutant, scenarios, cancel) =>
        {
            var time = clock();
            await using var owned = time as VirtualClock;
            // A mutant is part of the module: its delays run on the module's side of a virtual clock, and lines it
            // holds for the harness keep that clock still, as the module's own unread output does.
            await using var link = new MutantLink(new EmulatorLink(Dialect.Manual, time), mutant, owned?.Background ?? time);
            owned?.Watch(() => link.Holding);
            using var writer = traces is null ? TextWriter.Null : File.CreateText(Path.Combine(traces, $"{mutant?.Name ?? "baseline"}.trace"));
            using var recorder = new TraceRecorder(writer, time, link.Target, secrets, "manual");
            var run = new Runner(time, options).RunAsync(link, scenarios, recorder, cancel);
            return await (drive is null ? run : drive(time, run));
        };
}
