using System.CommandLine;
using Conformance.Analyzer.Comparison;
using Conformance.Cli.Output;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance compare A B</c>: two logs side by side, e.g. old against new firmware.</summary>
internal static class CompareCommand
{
    // The U test runs on the listed exchanges; keep more of them than the analyze default.
    private const int MaxStoredItems = 100_000;

    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "The reference log (e.g. old firmware)." };
        var b = new Argument<string>("b") { Description = "The log to compare with it (e.g. new firmware)." };
        var format = AnalyzeCommand.FormatOption();
        var json = new Option<string?>("--json") { Description = "Write the comparison as JSON to FILE, or - for standard output (then no table)." };
        var showSecrets = AnalyzeCommand.ShowSecretsOption();
        var command = new Command("compare",
            "Compare two logs: response time per command (median, p95, change, whether it is beyond noise: " +
            "Mann-Whitney p < 0.05 and change > max(10%, 2 ms)), and the URCs and diagnostics present in one log only.\n" +
            "Exit codes: 0 compared; 1 a damaged part of a rotated log (left out, named with its file and line; the rest is compared), " +
            "or Ctrl-C or SIGTERM stopped it (no report written); 2 usage or input error.")
        {
            a, b, format, json, showSecrets,
        };
        MistypedOptions.Refuse(a, command);
        MistypedOptions.Refuse(b, command);
        command.SetAction(parse =>
        {
            var forced = parse.GetValue(format);
            var show = parse.GetValue(showSecrets);
            var jsonPath = parse.GetValue(json);
            if (!new OutputPaths().File("--json", jsonPath, standardOutput: true).Input(parse.GetValue(a)).Input(parse.GetValue(b)).Check(Console.Error))
                return ExitCodes.UsageError;
            using var signals = StopSignals.ExitingOn("while comparing");
            if (AnalyzeCommand.Load(parse.GetValue(a)!, forced, show, MaxStoredItems) is not var (pathA, analysisA, damagedA)) return ExitCodes.UsageError;
            if (AnalyzeCommand.Load(parse.GetValue(b)!, forced, show, MaxStoredItems) is not var (pathB, analysisB, damagedB)) return ExitCodes.UsageError;
            var comparison = LogComparer.Compare(analysisA, analysisB);
            if (jsonPath != "-") ComparisonReport.Write(comparison, Terminal.Out, Path.GetFileName(pathA), Path.GetFileName(pathB));
            var whole = damagedA || damagedB ? ExitCodes.Failures : ExitCodes.Ok;
            if (jsonPath is null) return whole;
            try
            {
                if (jsonPath == "-")
                {
                    using var stdout = StandardOutput.Open();
                    ComparisonReport.WriteJson(comparison, stdout);
                }
                else ReplacedFile.Write(jsonPath, stream => ComparisonReport.WriteJson(comparison, stream));
            }
            catch (Exception e) when (e is IOException and not StandardOutputException or UnauthorizedAccessException)
            {
                ErrorText.Write($"cannot write the comparison: {e.Message}");
                return ExitCodes.UsageError;
            }
            return whole;
        });
        return command;
    }
}
