using Conformance.Harness.Links;
using Conformance.Harness.Session;
using Conformance.Harness.Timing;
using Conformance.Harness.Tracing;

namespace Conformance.Harness.Running;

/// <summary>
/// Runs the same scenarios on several modules at once, each as <c>conformance run</c> runs one: its own link,
/// clock (and so its own in-process module and broker) and trace. Before its scenarios each module is asked
/// once what it is (<see cref="FirmwareIdentity"/>). A module that cannot be reached ends with an error of its
/// own; the others run on. Cancelling stops every module; each keeps what it has written and reports in part.
/// </summary>
public sealed class Farm(FarmOptions options, Func<FarmModule, IRunObserver?>? observer = null)
{
    public string TracePath(FarmModule module) => Path.Combine(options.Traces, module.Name + ".trace");

    /// <param name="modules">The modules, in the order the reports show them.</param>
    /// <param name="select">Selects the scenarios, called once per module: a scenario holds the packet ids it captures
    /// while it runs, so modules running at once must not share one (each gets the same list, in the same order).</param>
    /// <param name="cancel">Stops every module.</param>
    public async Task<FarmReport> RunAsync(IReadOnlyList<FarmModule> modules, Func<IReadOnlyList<SelectedScenario>> select, CancellationToken cancel = default)
    {
        var started = DateTimeOffset.UtcNow;
        var results = await Task.WhenAll(modules.Select(m => Task.Run(() => RunModuleAsync(m, select(), cancel), CancellationToken.None)));
        return new FarmReport(started, DateTimeOffset.UtcNow - started, select(), results);
    }

    private async Task<ModuleResult> RunModuleAsync(FarmModule module, IReadOnlyList<SelectedScenario> scenarios, CancellationToken cancel)
    {
        var time = RunClock.For(module.Target, options.RealTime);
        await using var virtualClock = time as VirtualClock;
        ILink link;
        try
        {
            link = options.Links.Parse(module.Target, options.Settings(time));
        }
        catch (LinkException e)
        {
            return new ModuleResult(module, FirmwareIdentity.None, null, e.Message, null);
        }
        await using (link)
        {
            var path = TracePath(module);
            TextWriter writer;
            try
            {
                writer = File.CreateText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new ModuleResult(module, FirmwareIdentity.None, null, $"cannot write the trace {path}: {e.Message}", null);
            }
            using var recorder = new TraceRecorder(writer, time, link.Target, options.Secrets, options.DialectOf?.Invoke(link));
            var identity = FirmwareIdentity.None;
            try
            {
                var runner = new Runner(time, options.Options, observer?.Invoke(module));
                await using var session = await runner.OpenAsync(link, recorder, cancel);
                // A replayed trace holds only the commands of its own run.
                if (link is not ReplayLink) identity = await IdentifyAsync(session, cancel);
                var report = await runner.RunAsync(session, link, scenarios, cancel);
                return new ModuleResult(module, identity, report, TraceError(recorder, path), path);
            }
            catch (LinkException e)
            {
                return Failed(e.Message);
            }
            catch (LinkLostException e)
            {
                return Failed(e.Message);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return Failed($"{RunOptions.Interrupted} before the link was open");
            }

            ModuleResult Failed(string error)
            {
                recorder.Event($"module not run: {error}");
                return new ModuleResult(module, identity, null, TraceError(recorder, path) ?? error, path);
            }
        }
    }

    // Interrupted while asking: the run that follows marks every scenario not run, so the report stays whole.
    private static async Task<FirmwareIdentity> IdentifyAsync(AtSession session, CancellationToken cancel)
    {
        try
        {
            return await FirmwareIdentity.QueryAsync(session, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return FirmwareIdentity.None;
        }
    }

    // A full disk mid-run: the results stand, but the evidence is incomplete, and the module's column says so.
    private static string? TraceError(TraceRecorder recorder, string path) =>
        recorder.WriteError is { } error ? $"cannot write the trace {path}: {error}" : null;
}
