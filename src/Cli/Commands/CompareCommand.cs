using System.CommandLine;
using Conformance.Analyzer.Comparison;
using Conformance.Cli.Output;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance compare A B</c>: two logs side by side, e.g. old against new firmware. Logs of several devices are
/// compared device by device, as <c>analyze</c> reports them (<see cref="DevicePairs"/>).
/// </summary>
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
        var channel = new Option<string?>("--channel")
        {
            Description = "Logs of several devices (ports, modems) are compared device by device, by name; compare only the device NAME " +
                "(against the other log whole when it is a log of one module).",
        };
        var command = new Command("compare",
            "Compare two logs: response time per command (median, p95, change, whether it is beyond noise: " +
            "Mann-Whitney p < 0.05 and change > max(10%, 2 ms)), and the URCs and diagnostics present in one log only; " +
            "logs of several devices device by device.\n" +
            "Exit codes: 0 compared; 1 a damaged part of a rotated log (left out, named with its file and line; the rest is compared), " +
            "or Ctrl-C or SIGTERM stopped it (no report written); 2 usage or input error, or devices that cannot be paired (said which).")
        {
            a, b, format, json, showSecrets, channel,
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
            if (AnalyzeCommand.LoadChannels([parse.GetValue(a)!], forced, show, null, MaxStoredItems) is not var (pathA, analysesA, _, damagedA)) return ExitCodes.UsageError;
            if (AnalyzeCommand.LoadChannels([parse.GetValue(b)!], forced, show, null, MaxStoredItems) is not var (pathB, analysesB, _, damagedB)) return ExitCodes.UsageError;
            var (nameA, nameB) = (Path.GetFileName(pathA), Path.GetFileName(pathB));
            IReadOnlyList<DevicePairs.Pair> pairs;
            try
            {
                pairs = DevicePairs.Of(analysesA, analysesB, nameA, nameB, parse.GetValue(channel), out var skipped);
                foreach (var device in skipped) ErrorText.Write($"device {device}: not compared");
            }
            catch (ArgumentException e)
            {
                ErrorText.Write(e.Message);
                return ExitCodes.UsageError;
            }
            var comparisons = pairs.Select(pair => LogComparer.Compare(pair.A, pair.B) with { Channel = pair.Channel }).ToList();
            if (jsonPath != "-")
                foreach (var comparison in comparisons)
                {
                    if (comparison.Channel is { } device) Terminal.Out.Write(new Rule($"[bold]Device {Markup.Escape(device)}[/]").LeftJustified().DoubleBorder());
                    ComparisonReport.Write(comparison, Terminal.Out, nameA, nameB);
                }
            var whole = damagedA || damagedB ? ExitCodes.Failures : ExitCodes.Ok;
            if (jsonPath is null) return whole;
            try
            {
                if (jsonPath == "-")
                {
                    // A document per device, one after another, as analyze writes them.
                    using var stdout = StandardOutput.Open();
                    foreach (var comparison in comparisons)
                    {
                        ComparisonReport.WriteJson(comparison, stdout);
                        if (comparisons.Count > 1) stdout.WriteByte((byte)'\n');
                    }
                }
                else
                    foreach (var comparison in comparisons)
                        ReplacedFile.Write(ChannelPaths.File(jsonPath, comparison.Channel), stream => ComparisonReport.WriteJson(comparison, stream));
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
