using Conformance.Harness.Dsl;
using Conformance.Protocol.Codes;
using Conformance.Harness.Links;
using Conformance.Harness.Session;
using Conformance.Harness.Tracing;

namespace Conformance.Harness.Running;

/// <summary>
/// Runs scenarios one after the other over one session: skips those the target cannot serve, stops a scenario
/// at its first failing step, and ends the run early (with a partial report) when the link goes away, the module
/// stays silent past <see cref="RunOptions.GiveUp"/> or the run is cancelled (Ctrl-C).
/// </summary>
public sealed class Runner(TimeProvider time, RunOptions options, IRunObserver? observer = null)
{
    /// <summary>Opens <paramref name="link"/> and runs <paramref name="scenarios"/>; a link that cannot be opened throws <see cref="LinkException"/>.</summary>
    public async Task<RunReport> RunAsync(ILink link, IReadOnlyList<SelectedScenario> scenarios, TraceRecorder trace, CancellationToken cancel = default)
    {
        await using var session = await OpenAsync(link, trace, cancel);
        return await RunAsync(session, link, scenarios, cancel);
    }

    /// <summary>Opens <paramref name="link"/> and starts a session on it, watched for silence as the options say.</summary>
    /// <exception cref="LinkException">The link cannot be opened.</exception>
    public async Task<AtSession> OpenAsync(ILink link, TraceRecorder trace, CancellationToken cancel = default)
    {
        var stream = await link.OpenAsync(cancel);
        if (options.GiveUp is { } giveUp) stream = new SilenceWatchStream(stream, giveUp, time);
        trace.Event($"link opened {link.Target}");
        var session = new AtSession(stream, trace, time);
        session.Start();
        return session;
    }

    /// <summary>Runs <paramref name="scenarios"/> over an open session.</summary>
    public async Task<RunReport> RunAsync(AtSession session, ILink link, IReadOnlyList<SelectedScenario> scenarios, CancellationToken cancel = default)
    {
        var (started, start) = (time.GetUtcNow(), time.GetTimestamp());
        var results = new List<ScenarioResult>();
        string? aborted = null;
        Progressed();
        foreach (var selected in scenarios)
        {
            if (results.Count > 0) Progressed();
            var scenario = selected.Scenario;
            if (cancel.IsCancellationRequested) aborted ??= RunOptions.Interrupted;
            if (aborted is not null)
            {
                results.Add(Result(selected, Outcome.NotRun, TimeSpan.Zero, $"not run: {aborted}", [], []));
                continue;
            }
            var missing = scenario.Requirements.Except(link.Capabilities).Order().ToList();
            if (missing.Count > 0)
            {
                var skipped = Result(selected, Outcome.Skipped, TimeSpan.Zero, $"needs {string.Join(", ", missing)}, which {link.Target} cannot provide", [], []);
                session.Trace.Event($"scenario {scenario.Title} skipped: {skipped.Message}");
                results.Add(skipped);
                observer?.ScenarioFinished(skipped);
                continue;
            }
            var result = await RunScenarioAsync(selected, session, link, cancel);
            if (result.Outcome == Outcome.Error) aborted = session.LinkLost ?? (cancel.IsCancellationRequested ? RunOptions.Interrupted : null);
            // Past a divergence the trace answers nothing the host sends: every later scenario would fail on the same line.
            if (session.Diverged is { } diverged) aborted ??= $"replay diverged: {diverged}";
            results.Add(result);
            observer?.ScenarioFinished(result);
        }
        session.Trace.Event(aborted is null ? TraceFile.RunFinished : $"{TraceFile.RunAborted}: {aborted}");
        // Measured on the monotonic clock: a wall clock set back mid-run gives no negative duration.
        return new RunReport(link.Target, started, time.GetElapsedTime(start), results, aborted);

        // What a run killed from here on leaves: the scenarios done, the rest not run.
        void Progressed() => observer?.RunProgressed(new RunReport(link.Target, started, time.GetElapsedTime(start),
            [.. results, .. scenarios.Skip(results.Count).Select(s => Result(s, Outcome.NotRun, TimeSpan.Zero, $"not run: {RunOptions.Unfinished}", [], []))],
            RunOptions.Unfinished));
    }

    private async Task<ScenarioResult> RunScenarioAsync(SelectedScenario selected, AtSession session, ILink link, CancellationToken cancel)
    {
        var scenario = selected.Scenario;
        observer?.ScenarioStarted(selected.Suite, scenario.Title);
        session.Trace.Event($"scenario {scenario.Title}");
        var context = new ScenarioContext(session, link);
        var steps = new List<StepResult>();
        var start = time.GetTimestamp();
        foreach (var step in scenario.Steps)
        {
            var stepStart = time.GetTimestamp();
            var (outcome, raw, section) = await RunStepAsync(step, context, cancel);
            // A failure quotes what the module sent, which may be a secret it should not have echoed.
            var secrets = session.Trace.Secrets;
            var message = raw is null ? null : secrets.Mask(raw);
            var result = new StepResult(section, secrets.Mask(step.Description), outcome, time.GetElapsedTime(stepStart), message);
            steps.Add(result);
            observer?.StepFinished(result);
            if (outcome != Outcome.Passed)
            {
                session.Trace.Event($"step failed: §{section} {message}");
                return Result(selected, outcome, time.GetElapsedTime(start), $"§{section} {message}", steps, Leftovers(context));
            }
        }
        await SettleAsync(session, cancel);
        var findings = Leftovers(context);
        // An error is no matter of form (a msg_len that is not the message's length misleads every host reading by
        // it): it fails the scenario also without --strict.
        if (findings.FirstOrDefault(f => f.Severity == Severity.Error || f.FailsRun) is { } error)
            return Result(selected, Outcome.Failed, time.GetElapsedTime(start), $"{error}", steps, findings);
        if (options.Strict && findings.Count > 0)
            return Result(selected, Outcome.Failed, time.GetElapsedTime(start), $"strict: {findings.Count} finding(s), first {findings[0]}", steps, findings);
        return Result(selected, Outcome.Passed, time.GetElapsedTime(start), null, steps, findings);
    }

    // A log may start mid-exchange, hold a power cycle or end mid-line; a run sends one command at a time to a module it
    // watches throughout. A final result no command waits for is a second answer a host would pair with its next command,
    // a restart loses the client the scenario built, and a line the module never ended is one no host reads: each fails
    // the scenario.
    private static readonly HashSet<string> FailsARun = [CodeList.FinalWithoutCommand.Code, CodeList.ModuleRestarted.Code, CodeList.TruncatedInput.Code];

    // The section a failure names: the step's, unless what failed belongs to another (an outcome a command of §1.5 owes,
    // missed in a step that checks §1.11).
    private static async Task<(Outcome, string?, string Section)> RunStepAsync(Step step, ScenarioContext context, CancellationToken cancel)
    {
        try
        {
            await step.RunAsync(context, cancel);
            return (Outcome.Passed, null, step.Section);
        }
        catch (StepFailedException e)
        {
            return (Outcome.Failed, e.Message, e.Section ?? step.Section);
        }
        catch (ReplayDivergenceException e)
        {
            return (Outcome.Failed, $"replay diverged: {e.Message}", step.Section);
        }
        catch (LinkLostException e)
        {
            return (Outcome.Error, e.Message, step.Section);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return (Outcome.Error, RunOptions.Interrupted, step.Section);
        }
    }

    // After the last step the module may still say something: a second OK, a URC nobody asked for. Heard now, it is
    // judged in the scenario it follows; unheard, the next scenario's reset would forget it, or pair it with its own
    // command, and after the run's last scenario nobody would hear it at all. Free on a virtual clock.
    private static async Task SettleAsync(AtSession session, CancellationToken cancel)
    {
        try
        {
            await session.SettleAsync(Timeouts.Quiet, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Interrupted: the steps are done, the run ends after this scenario.
        }
    }

    // URCs nobody waited for are findings: the module said something the scenario did not expect.
    private static List<Finding> Leftovers(ScenarioContext context)
    {
        foreach (var urc in context.Session.TakeUnclaimed().Where(u => !u.IsRestart)) context.AddUnexpected(urc);
        foreach (var (deviation, line) in context.Session.TakeStray()) context.Findings.Add(Finding.Of(deviation, line));
        var secrets = context.Session.Trace.Secrets;
        return [.. context.Findings.Select(f => f with { Message = secrets.Mask(f.Message), FailsRun = f.FailsRun || FailsARun.Contains(f.Code) })];
    }

    private static ScenarioResult Result(SelectedScenario selected, Outcome outcome, TimeSpan duration, string? message,
        IReadOnlyList<StepResult> steps, IReadOnlyList<Finding> findings) =>
        new(selected.Suite, selected.Scenario.Section, selected.Scenario.Name, outcome, duration, message, steps, findings);
}
