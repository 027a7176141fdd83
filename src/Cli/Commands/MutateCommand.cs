using Conformance.Protocol.Secrets;
using System.CommandLine;
using Conformance.Harness.Dsl;
using Conformance.Harness.Mutation;
using Conformance.Harness.Running;
using Conformance.Harness.Timing;
using Conformance.Harness.Tracing;
using Conformance.Suites;
using Conformance.Cli.Output;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance mutate</c>: runs the suites against mutants of the in-process module and says which
/// misbehaviours no scenario notices; exit 0 only when every mutant that must die is killed.
/// </summary>
internal static class MutateCommand
{
    public static Command Create()
    {
        var suite = new Option<string?>("--suite") { Description = "Run only the scenarios of this suite (and the mutants of the sections they check)." };
        var section = new Option<string?>("--section") { Description = "Run only scenarios and mutants of this manual section (1.5, or 1 for the whole chapter)." };
        var mutant = new Option<string?>("--mutant") { Description = "Run only the mutant with this name." };
        var strict = new Option<bool>("--strict") { Description = "Judge scenarios strictly: format-only mutants must die too." };
        var junit = new Option<string?>("--junit") { Description = "Write the mutants as JUnit XML test cases to this file." };
        var json = new Option<string?>("--json") { Description = "Write the kill matrix as JSON to this file." };
        var traces = new Option<string?>("--traces") { Description = "Keep each run's trace in this folder (baseline.trace, MUTANT.trace)." };
        var parallel = new Option<int>("--parallel") { Description = "How many mutants run at once (default: twice the processor count).", DefaultValueFactory = _ => Environment.ProcessorCount * 2 };
        var realTime = new Option<bool>("--real-time") { Description = "Run the module on the system clock, not on the virtual one that skips idle waits." };
        var list = new Option<bool>("--list") { Description = "List the mutants (name, section, kind, side: AT lines or MQTT packets) and exit." };
        var command = new Command("mutate", "Run the suites against mutants of the virtual module: which misbehaviours does no scenario catch?\n" +
            "Exit codes: 0 every semantic mutant killed and every format-only mutant alive (under --strict, dead too); " +
            "1 otherwise, or Ctrl-C or SIGTERM stopped it (no report written); " +
            "2 usage or setup error (bad arguments, a selection with no scenario or no mutant, an output or report that cannot be written).")
        {
            suite, section, mutant, strict, junit, json, traces, parallel, realTime, list,
        };
        command.SetAction(async (parse, cancel) =>
        {
            // The reports are written once every mutant has run: a signal before has none to finish.
            using var signals = StopSignals.ExitingOn("while running the mutants");
            return await RunAsync(
                new MutateRequest(parse.GetValue(suite), parse.GetValue(section), parse.GetValue(mutant), parse.GetValue(strict), parse.GetValue(junit),
                    parse.GetValue(json), parse.GetValue(traces), parse.GetValue(parallel), parse.GetValue(list), parse.GetValue(realTime)),
                Console.Out, Console.Error, cancel);
        });
        return command;
    }

    internal sealed record MutateRequest(string? Suite, string? Section, string? Mutant, bool Strict, string? JUnit, string? Json, string? Traces,
        int Parallel, bool List, bool RealTime = false);

    internal static async Task<int> RunAsync(MutateRequest request, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (request.List)
        {
            foreach (var m in MutantCatalog.All)
                output.WriteLine($"{m.Name,-28} §{m.Section,-6} {(m.Kind == MutantKind.Semantic ? "semantic" : "format"),-8} {m.Side,-4} {m.Description}");
            return ExitCodes.Ok;
        }
        if (request.Parallel < 1)
        {
            error.WriteLine($"conformance: --parallel {request.Parallel}: expected 1 or more");
            return ExitCodes.UsageError;
        }
        var parameters = new SuiteParameters();
        IReadOnlyList<SelectedScenario> scenarios;
        var catalog = SuiteCatalog.FromAssembly(typeof(PowerOnSuite).Assembly);
        // Each run selects its own: a scenario holds the packet ids it captures while it runs.
        IReadOnlyList<SelectedScenario> select() => catalog.Select(parameters, request.Suite, request.Section);
        try
        {
            scenarios = select();
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"conformance: {e.Message}");
            return ExitCodes.UsageError;
        }
        var mutants = MutantCatalog.For(scenarios, request.Mutant);
        if (mutants.Count == 0)
        {
            error.WriteLine(request.Mutant is null
                ? "conformance: no mutant breaks a section the selected scenarios check; see 'conformance mutate --list'"
                : $"conformance: no mutant named '{request.Mutant}' breaks a section the selected scenarios check; see 'conformance mutate --list'");
            return ExitCodes.UsageError;
        }
        try
        {
            if (request.Traces is not null) Directory.CreateDirectory(request.Traces);
            foreach (var file in new[] { request.JUnit, request.Json }.OfType<string>())
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"conformance: cannot create an output folder: {e.Message}");
            return ExitCodes.UsageError;
        }
        // Checked before the mutants run for minutes: a folder named as --json, a name that is not UTF-8, one file named twice.
        if (!new OutputPaths().Folder("--traces", request.Traces).File("--junit", request.JUnit).File("--json", request.Json).Check(error))
            return ExitCodes.UsageError;

        output.WriteLine($"{mutants.Count} mutants x {scenarios.Count} scenarios, {request.Parallel} at a time{(request.Strict ? ", strict" : "")}");
        // The clock is the in-process module's, as for 'run --target emulator': each run gets its own.
        var runs = InProcessModule.Runs(new RunOptions(request.Strict), new SecretMasker([parameters.ApiKey]), () => RunClock.For("emulator", request.RealTime),
            traces: request.Traces);
        var runner = new MutationRunner(runs, request.Parallel,
            result => output.WriteLine($"  {result.Mutant.Name}: {(result.Killed ? "killed" : "survived")} ({result.Run.Duration.TotalSeconds:0} s on its clock)"));
        var report = await runner.RunAsync(mutants, select, request.Strict, cancel);
        output.WriteLine();
        MutationText.Write(report, output);
        try
        {
            if (request.JUnit is not null) MutationJUnit.Write(report, request.JUnit);
            if (request.Json is not null) MutationJson.Write(report, request.Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The kill matrix is on the console; the file that could not be written is named.
            error.WriteLine(ErrorText.Line($"cannot write the report: {e.Message}"));
            return ExitCodes.UsageError;
        }
        return report.Passed ? ExitCodes.Ok : ExitCodes.Failures;
    }
}
