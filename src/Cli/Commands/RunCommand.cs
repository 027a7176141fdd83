using System.CommandLine;
using Conformance.Harness.Links;
using Conformance.Harness.Reports;
using Conformance.Harness.Dsl;
using Conformance.Harness.Running;
using Conformance.Harness.Tracing;
using Conformance.Protocol.Syntax;
using Conformance.Suites;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance run</c>: runs the suites against a module and reports per manual section, with the trace as evidence.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "serial:PATH[,BAUD] | tcp:HOST:PORT | replay:FILE | emulator (default).", DefaultValueFactory = _ => "emulator" };
        var suite = new Option<string?>("--suite") { Description = "Run only the suite with this name." };
        var section = new Option<string?>("--section") { Description = "Run only scenarios of this manual section (1.5, or 1 for the whole chapter)." };
        var dialect = new Option<Dialect>("--dialect") { Description = "Dialect of the in-process emulator: Manual or Field.", DefaultValueFactory = _ => Dialect.Manual };
        var strict = new Option<bool>("--strict") { Description = "Fail scenarios whose answers deviate from the manual's canonical forms." };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML to this file (default: OUT/junit.xml)." };
        var trace = new Option<string?>("--trace") { Description = "Write the trace to this file (default: OUT/run.trace)." };
        var output = new Option<string>("--out") { Description = "Folder for the trace and the JUnit report.", DefaultValueFactory = _ => "." };
        var settings = new Option<string?>("--settings") { Description = "File of 'key = value' lines: " + string.Join(", ", SuiteParameters.Keys) + "." };
        var parameters = new Option<string[]>("--set") { Description = "A parameter as key=value (overrides the settings file and CONFORMANCE_* variables).", AllowMultipleArgumentsPerToken = false };
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Do not mask the API key in the trace." };
        var recordedTiming = new Option<bool>("--recorded-timing") { Description = "Replay at the recorded timing instead of as fast as possible." };
        var command = new Command("run", "Run conformance suites against a module and report, per manual section, what conforms.")
        {
            target, suite, section, dialect, strict, junit, trace, output, settings, parameters, showSecrets, recordedTiming,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var request = new RunRequest(
                parse.GetValue(target)!, parse.GetValue(suite), parse.GetValue(section), parse.GetValue(dialect), parse.GetValue(strict),
                parse.GetValue(output)!, parse.GetValue(junit), parse.GetValue(trace), parse.GetValue(settings),
                parse.GetValue(parameters) ?? [], parse.GetValue(showSecrets), parse.GetValue(recordedTiming));
            return await RunAsync(request, AnsiConsole.Console, Console.Error, cancel);
        });
        return command;
    }

    internal sealed record RunRequest(
        string Target, string? Suite, string? Section, Dialect Dialect, bool Strict, string Out, string? JUnit, string? Trace,
        string? Settings, string[] Set, bool ShowSecrets, bool RecordedTiming);

    internal static async Task<int> RunAsync(RunRequest request, IAnsiConsole console, TextWriter error, CancellationToken cancel)
    {
        SuiteParameters parameters;
        IReadOnlyList<SelectedScenario> scenarios;
        try
        {
            parameters = SuiteParameters.Load(request.Settings, Environment.GetEnvironmentVariables(), Options(request.Set));
            scenarios = SuiteCatalog.FromAssembly(typeof(PowerOnSuite).Assembly).Select(parameters, request.Suite, request.Section);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException)
        {
            error.WriteLine($"conformance: {e.Message}");
            return ExitCodes.UsageError;
        }

        var time = TimeProvider.System;
        var secrets = request.ShowSecrets ? SecretMask.None : new SecretMask([parameters.ApiKey]);
        ILink link;
        try
        {
            link = new LinkFactory().Parse(request.Target, new LinkSettings(time, secrets, !request.RecordedTiming, Dialect: request.Dialect));
        }
        catch (LinkException e)
        {
            error.WriteLine($"conformance: {e.Message}");
            return ExitCodes.UsageError;
        }

        Directory.CreateDirectory(request.Out);
        var tracePath = request.Trace ?? Path.Combine(request.Out, "run.trace");
        var junitPath = request.JUnit ?? Path.Combine(request.Out, "junit.xml");
        await using (link)
        {
            using var recorder = new TraceRecorder(File.CreateText(tracePath), time, link.Target, secrets,
                link is EmulatorLink emulator ? emulator.Dialect.ToString().ToLowerInvariant() : null);
            if (recorder.WriteError is not null) return TraceFailed();
            RunReport report;
            try
            {
                report = await new Runner(time, new RunOptions(request.Strict), new ConsoleProgress(console)).RunAsync(link, scenarios, recorder, cancel);
            }
            catch (LinkException e)
            {
                recorder.Event($"link not opened: {e.Message}");
                error.WriteLine($"conformance: {e.Message}");
                return ExitCodes.UsageError;
            }
            ConsoleReport.Write(report, console);
            JUnitReport.Write(report, junitPath);
            console.MarkupLine($"[grey]trace: {Markup.Escape(tracePath)}, JUnit: {Markup.Escape(junitPath)}[/]");
            if (report.Aborted is not null) error.WriteLine($"conformance: run aborted: {report.Aborted}");
            if (recorder.WriteError is not null) return TraceFailed();
            return report.AllPassed ? ExitCodes.Ok : ExitCodes.Failures;

            int TraceFailed()
            {
                error.WriteLine($"conformance: cannot write the trace {tracePath}: {recorder.WriteError}");
                return ExitCodes.UsageError;
            }
        }
    }

    private static Dictionary<string, string> Options(string[] set)
    {
        var options = new Dictionary<string, string>();
        foreach (var item in set)
        {
            var equals = item.IndexOf('=');
            if (equals <= 0) throw new FormatException($"--set '{item}': expected key=value, e.g. --set broker=183.230.40.39");
            options[item[..equals]] = item[(equals + 1)..];
        }
        return options;
    }
}
