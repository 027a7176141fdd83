using System.CommandLine;
using System.Globalization;
using Conformance.Cli.Output;
using Conformance.Harness.Links;
using Conformance.Harness.Reports;
using Conformance.Harness.Dsl;
using Conformance.Harness.Running;
using Conformance.Harness.Timing;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Secrets;
using Conformance.Protocol.Syntax;
using Conformance.Suites;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance run</c>: runs the suites against a module and reports per manual section, with the trace as evidence.</summary>
internal static class RunCommand
{
    public const string ExitCodeHelp =
        "Exit codes: 0 every scenario passed; 1 a scenario failed, the module vanished or stayed silent past --give-up, " +
        "or the run was interrupted (Ctrl-C, SIGTERM: the trace and a partial JUnit are written); in a farm, any module failed " +
        "or could not be reached (its column says why; the others still run); " +
        "2 usage or setup error (bad arguments, an output that cannot be written, a target that cannot be opened).";

    private const string DefaultTrace = "run.trace";
    private const string ReplayTrace = "replay.trace";
    private const double MaxGiveUp = 7 * 24 * 3600;

    public static Command Create()
    {
        var target = new Option<string[]>("--target")
        {
            Description = "[NAME=]serial:PATH[,BAUD] | tcp:HOST:PORT | replay:FILE | emulator[:field] (default) | mutant:NAME[,field]. " +
                "Repeat it to run a farm: every module at once, a trace per module (OUT/NAME.trace), one JUnit, a matrix.",
            AllowMultipleArgumentsPerToken = false,
        };
        var targets = new Option<string?>("--targets") { Description = "Run a farm of the modules in this file: one [NAME=]TARGET per line, # comments (see docs/farm.md).", HelpName = "FILE" };
        var html = new Option<string?>("--html") { Description = "With a farm, write the scenario × module matrix as an HTML page to this file." };
        var suite = new Option<string?>("--suite") { Description = "Run only the suite with this name." };
        var section = new Option<string?>("--section") { Description = "Run only scenarios of this manual section (1.5, or 1 for the whole chapter)." };
        var dialect = DialectOption.Create("Dialect of the in-process emulator");
        var strict = new Option<bool>("--strict") { Description = "Fail scenarios whose answers deviate from the manual's canonical forms." };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML to this file (default: OUT/junit.xml)." };
        var trace = new Option<string?>("--trace") { Description = $"Write the trace to this file (default: OUT/{DefaultTrace}, or OUT/{ReplayTrace} when replaying OUT/{DefaultTrace})." };
        var output = new Option<string>("--out") { Description = "Folder for the trace and the JUnit report, created if missing.", DefaultValueFactory = _ => "." };
        var settings = new Option<string?>("--settings") { Description = "File of 'key = value' lines: " + string.Join(", ", SuiteParameters.Keys) + "." };
        var parameters = new Option<string[]>("--set") { Description = "A parameter as key=value (overrides the settings file and CONFORMANCE_* variables).", AllowMultipleArgumentsPerToken = false };
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Show secrets (the API key, passwords, tokens) as sent instead of *** in the trace and every report." };
        var recordedTiming = new Option<bool>("--recorded-timing") { Description = "With --real-time, replay at the recorded timing instead of as fast as possible (the virtual clock always does)." };
        var realTime = new Option<bool>("--real-time") { Description = "Run the emulator or a replay on the system clock, not on the virtual one that skips idle waits." };
        var giveUp = new Option<double>("--give-up")
        {
            Description = "End the run when the module sends nothing for this many seconds after a command (a frozen module).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => RunOptions.DefaultGiveUp.TotalSeconds,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= MaxGiveUp) return seconds;
                result.AddError($"--give-up must be a number of seconds above 0, e.g. 30 (got '{text}')");
                return 0;
            },
        };
        var command = new Command("run", "Run conformance suites against a module and report, per manual section, what conforms.\n" + ExitCodeHelp)
        {
            target, targets, html, suite, section, dialect, strict, junit, trace, output, settings, parameters, showSecrets, recordedTiming, giveUp, realTime,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var given = parse.GetValue(target) ?? [];
            var request = new RunRequest(
                given.FirstOrDefault() ?? "emulator", parse.GetValue(suite), parse.GetValue(section), DialectOption.Parse(parse.GetValue(dialect)!), parse.GetValue(strict),
                parse.GetValue(output)!, parse.GetValue(junit), parse.GetValue(trace), parse.GetValue(settings),
                parse.GetValue(parameters) ?? [], parse.GetValue(showSecrets), parse.GetValue(recordedTiming),
                TimeSpan.FromSeconds(parse.GetValue(giveUp)), parse.GetValue(realTime), given, parse.GetValue(targets), parse.GetValue(html));
            using var stop = new StopSignals(cancel);
            return await RunAsync(request, Terminal.Out, Console.Error, stop);
        });
        return command;
    }

    /// <summary>What <c>run</c> was asked; two or more <c>Targets</c>, or a <c>TargetsFile</c>, make a farm.</summary>
    internal sealed record RunRequest(
        string Target, string? Suite, string? Section, Dialect Dialect, bool Strict, string Out, string? JUnit, string? Trace,
        string? Settings, string[] Set, bool ShowSecrets, bool RecordedTiming, TimeSpan GiveUp, bool RealTime = false,
        IReadOnlyList<string>? Targets = null, string? TargetsFile = null, string? Html = null)
    {
        public bool IsFarm => Targets is { Count: > 1 } || TargetsFile is not null;
    }

    internal static async Task<int> RunAsync(RunRequest request, IAnsiConsole console, TextWriter error, StopSignals stop)
    {
        SuiteParameters parameters;
        IReadOnlyList<SelectedScenario> scenarios;
        try
        {
            parameters = SuiteParameters.Load(request.Settings, Environment.GetEnvironmentVariables(), Options(request.Set));
            // Every later message, and the report of a crash, masks it: also with --show-secrets, which is about the trace and the reports.
            ErrorText.Remember(parameters.ApiKey);
            scenarios = SuiteCatalog.FromAssembly(typeof(PowerOnSuite).Assembly).Select(parameters, request.Suite, request.Section);
            // One module may be named as in a farm; alone, it needs no name.
            if (!request.IsFarm) request = request with { Target = FarmTargets.ParseOne(request.Target).Target };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && request.Settings is not null)
        {
            return Fail($"--settings {request.Settings}: {ErrorText.Unreadable(request.Settings!, e)}");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException)
        {
            return Fail(ErrorText.Of(e));
        }
        if (request.IsFarm)
        {
            IReadOnlyList<FarmModule> modules;
            try
            {
                modules = FarmRun.Modules(request.Targets ?? [], request.TargetsFile);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                return Fail(request.TargetsFile is not null && e is not FormatException ? $"--targets {request.TargetsFile}: {ErrorText.Unreadable(request.TargetsFile, e)}" : e.Message);
            }
            // Each module selects its own: a scenario holds the packet ids it captures while it runs.
            return await FarmRun.RunAsync(request, modules, parameters,
                () => SuiteCatalog.FromAssembly(typeof(PowerOnSuite).Assembly).Select(parameters, request.Suite, request.Section), console, error, stop);
        }
        if (request.Html is not null) return Fail("--html writes the matrix of a farm: give two or more --target, or --targets FILE");

        // A replay reads a trace: the run's own trace must go elsewhere, and by default does.
        var replayed = ReplayedFile(request.Target);
        var defaultTrace = Path.Combine(request.Out, DefaultTrace);
        if (replayed is not null && OutputPaths.SameFile(replayed, defaultTrace)) defaultTrace = Path.Combine(request.Out, ReplayTrace);
        var tracePath = request.Trace ?? defaultTrace;
        var junitPath = request.JUnit ?? Path.Combine(request.Out, "junit.xml");
        var outputs = new OutputPaths()
            .Folder("--out", request.Trace is null || request.JUnit is null ? request.Out : null)
            .File("--trace", tracePath)
            .File("--junit", junitPath)
            .Input(replayed)
            .Input(request.Settings);
        if (!outputs.Check(error)) return ExitCodes.UsageError;
        // Said in a few words, as a missing log is, rather than the runtime's sentence with the full path.
        if (replayed is not null && !File.Exists(replayed) && !Directory.Exists(replayed)) return Fail($"cannot read trace {replayed}: no such file");

        var time = RunClock.For(request.Target, request.RealTime);
        await using var virtualClock = time as VirtualClock;
        var secrets = new SecretMasker([parameters.ApiKey], request.ShowSecrets);
        ILink link;
        try
        {
            link = new LinkFactory().Parse(request.Target, new LinkSettings(time, secrets, !request.RecordedTiming, Dialect: request.Dialect));
        }
        catch (LinkException e)
        {
            return Fail(e.Message);
        }

        await using (link)
        {
            // Written beside its destination and moved into place as soon as the link is open: a target that cannot be
            // opened leaves the earlier trace as it was, and a run killed later leaves its trace, flushed per record, there.
            using var traceFile = ReplacedFile.Create(tracePath);
            RunReport report;
            var recorder = new TraceRecorder(new StreamWriter(traceFile.Stream), time, link.Target, secrets,
                link is EmulatorLink emulator ? DialectOption.Name(emulator.Dialect) : null);
            using (recorder)
            {
                // A full disk or a file-size limit: say so before any work, rather than run without evidence.
                if (recorder.WriteError is not null) return TraceFailed(recorder.WriteError);
                try
                {
                    var options = new RunOptions(request.Strict, request.GiveUp);
                    // The JUnit file is saved as the run goes: a run killed mid-way leaves its own, not the last run's.
                    // A device (/dev/stdout) gets the final report only, once.
                    IRunObserver progress = OutputPaths.IsDevice(junitPath) ? new ConsoleProgress(console) : new SavedProgress(new ConsoleProgress(console), SaveJUnit);
                    var runner = new Runner(time, options, progress);
                    await using var session = await runner.OpenAsync(link, recorder, stop.Token);
                    traceFile.Publish();
                    report = await runner.RunAsync(session, link, scenarios, stop.Token);
                }
                catch (LinkException e)
                {
                    return Fail(e.Message);
                }
                catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
                {
                    error.WriteLine($"conformance: interrupted ({stop.Received ?? "cancelled"}) before the link to {link.Target} was open; nothing written");
                    return ExitCodes.Failures;
                }
            }
            traceFile.Commit();
            RunConsoleReport.Write(report, console);
            try
            {
                SaveJUnit(report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The trace and the console report stand; only the JUnit file is missing.
                return Fail($"cannot write the JUnit report {junitPath}: {e.Message}");
            }
            console.MarkupLine($"[grey]trace: {Markup.Escape(tracePath)}, JUnit: {Markup.Escape(junitPath)}[/]");
            if (stop.Received is { } signal)
                error.WriteLine($"conformance: run interrupted ({signal}); the trace and a partial JUnit report are written");
            else if (report.Aborted is not null)
                error.WriteLine($"conformance: run aborted: {report.Aborted}");
            // The disk filled up mid-run: the results are written, but the evidence is incomplete.
            if (recorder.WriteError is { } traceError) return TraceFailed(traceError);
            return report.AllPassed ? ExitCodes.Ok : ExitCodes.Failures;

            int TraceFailed(string why) => Fail($"cannot write the trace {tracePath}: {why}");

            void SaveJUnit(RunReport soFar) => ReplacedFile.Write(junitPath, stream => JUnitReport.Build(soFar).Save(stream));
        }

        int Fail(string message)
        {
            error.WriteLine(ErrorText.Line(message));
            return ExitCodes.UsageError;
        }
    }

    internal static string? ReplayedFile(string target) =>
        target.StartsWith("replay:", StringComparison.OrdinalIgnoreCase) && target.Length > "replay:".Length ? target["replay:".Length..] : null;

    private static Dictionary<string, string> Options(string[] set)
    {
        var options = new Dictionary<string, string>();
        foreach (var item in set)
        {
            var equals = item.IndexOf('=');
            // Only the key is named: what follows it may be the API key itself (`--set api-key:…`).
            var key = SuiteParameters.Named(new string([.. item.TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]));
            if (equals <= 0) throw new FormatException($"--set '{key}{(key.Length < item.Length && !key.EndsWith('…') ? "…" : "")}': expected name=value, e.g. --set broker=183.230.40.39");
            // Masked from here on: a later --set or the settings file may fail, and its message must not show the key.
            if (item[..equals] == "api-key") ErrorText.Remember(item[(equals + 1)..]);
            options[item[..equals]] = item[(equals + 1)..];
        }
        return options;
    }
}
