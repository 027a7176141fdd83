using Conformance.Cli.Output;
using Conformance.Harness.Dsl;
using Conformance.Harness.Links;
using Conformance.Harness.Reports;
using Conformance.Harness.Running;
using Conformance.Protocol.Secrets;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance run</c> with several targets (or <c>--targets FILE</c>): every module at once, a trace per module
/// (<c>OUT/NAME.trace</c>), one JUnit file with a suite per module, and the scenario × module matrix in the console
/// and, with <c>--html</c>, as a page.
/// </summary>
internal static class FarmRun
{
    public static async Task<int> RunAsync(RunCommand.RunRequest request, IReadOnlyList<FarmModule> modules, SuiteParameters parameters,
        Func<IReadOnlyList<SelectedScenario>> select, IAnsiConsole console, TextWriter error, StopSignals stop)
    {
        if (request.Trace is not null)
        {
            error.WriteLine("conformance: --trace names one file, and a farm writes a trace per module (OUT/NAME.trace); use --out");
            return ExitCodes.UsageError;
        }
        var secrets = new SecretMasker([parameters.ApiKey], request.ShowSecrets);
        var options = new FarmOptions(new RunOptions(request.Strict, request.GiveUp), new LinkFactory(), secrets, request.Out, request.RealTime,
            time => new LinkSettings(time, secrets, !request.RecordedTiming, Dialect: request.Dialect),
            link => link is EmulatorLink emulator ? DialectOption.Name(emulator.Dialect) : null);
        var farm = new Farm(options, module => new ModuleProgress(console, module.Name));
        var junitPath = request.JUnit ?? Path.Combine(request.Out, "junit.xml");
        var outputs = new OutputPaths().Folder("--out", request.Out).File("--junit", junitPath).File("--html", request.Html).Input(request.Settings).Input(request.TargetsFile);
        foreach (var module in modules)
        {
            outputs.File($"the trace of {module.Name}", farm.TracePath(module));
            if (RunCommand.ReplayedFile(module.Target) is { } replayed) outputs.Input(replayed);
        }
        if (!outputs.Check(error)) return ExitCodes.UsageError;
        // A typo in a target is the user's to fix before anything runs; a module that cannot be reached is a finding.
        foreach (var module in modules)
        {
            try
            {
                await using var _ = options.Links.Parse(module.Target, options.Settings(TimeProvider.System));
            }
            catch (LinkException e)
            {
                error.WriteLine($"conformance: module {module.Name}: {e.Message}");
                return ExitCodes.UsageError;
            }
        }

        console.MarkupLine($"[grey]farm of {modules.Count} modules, {select().Count} scenarios each[/]");
        var report = await farm.RunAsync(modules, select, stop.Token);
        MatrixConsoleReport.Write(report, console);
        ReplacedFile.Write(junitPath, stream => FarmJUnitReport.Build(report).Save(stream));
        if (request.Html is not null) ReplacedFile.Write(request.Html, stream => MatrixHtmlReport.Write(report, stream));
        console.MarkupLine($"[grey]traces: {Markup.Escape(Path.Combine(request.Out, "NAME.trace"))}, JUnit: {Markup.Escape(junitPath)}" +
            (request.Html is null ? "" : $", HTML: {Markup.Escape(request.Html)}") + "[/]");
        if (stop.Received is { } signal)
            error.WriteLine($"conformance: farm interrupted ({signal}); every trace and a partial report are written");
        return report.AllPassed ? ExitCodes.Ok : ExitCodes.Failures;
    }

    /// <summary>The modules of <c>--target</c> values and a <c>--targets</c> file, named (see <see cref="FarmTargets"/>).</summary>
    /// <exception cref="FormatException">A bad line or name; the message says where.</exception>
    public static IReadOnlyList<FarmModule> Modules(IReadOnlyList<string> targets, string? file)
    {
        var given = targets.Select(FarmTargets.ParseOne).ToList();
        if (file is not null)
        {
            using var reader = File.OpenText(file);
            given.AddRange(FarmTargets.Read(reader, file));
            if (given.Count == 0) throw new FormatException($"{file}: no target; write one per line, e.g. bench-1 = serial:/dev/ttyUSB0");
        }
        return FarmTargets.Name(given);
    }
}
