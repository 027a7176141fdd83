using System.CommandLine;
using System.Globalization;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;
using Conformance.Cli.Output;
using Conformance.Harness.Links;
using Conformance.Tap;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance tap</c>: sits between a host (MCU) and a module, relays or only listens, records the trace and shows the timeline live (docs/tap.md).</summary>
internal static class TapCommand
{
    public const string ExitCodeHelp =
        "Exit codes: 0 the tap ended (Ctrl-C, SIGTERM or a port closed) and nothing at or above --fail-on was seen; " +
        "1 a diagnostic at or above --fail-on; 2 usage or setup error (bad port, a port that cannot be opened, a trace that cannot be written).";

    private const string DefaultTrace = "tap.trace";

    public static Command Create()
    {
        const string Ports = "serial:PATH[,BAUD], tcp:HOST:PORT (connected to) or pty (a new pseudo-terminal, its path is printed)";
        var host = new Option<string>("--host") { Description = $"The host's (MCU's) side: {Ports}.", Required = true };
        var module = new Option<string>("--module") { Description = $"The module's side: {Ports}.", Required = true };
        var listenOnly = new Option<bool>("--listen-only")
        {
            Description = "Y-cable: --host carries what the host sends, --module what the module sends; both are only read, nothing is ever transmitted.",
        };
        var trace = new Option<string>("--trace") { Description = $"Write the trace to FILE (default {DefaultTrace}).", DefaultValueFactory = _ => DefaultTrace };
        var rotateSize = new Option<string?>("--rotate-size")
        {
            Description = "Rotate the trace when it reaches SIZE bytes (suffix k, M or G): FILE becomes FILE.1, FILE.1 becomes FILE.2 … as analyze reads them back.",
        };
        var junit = new Option<string?>("--junit") { Description = "On exit write a JUnit summary to FILE: a test case per command and per diagnostic code." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a diagnostic at or above this severity was seen.", DefaultValueFactory = _ => "never" };
        failOn.AcceptOnlyFromAmong("never", "note", "warn", "error");
        var showSecrets = AnalyzeCommand.ShowSecretsOption();
        var command = new Command("tap", "Sit between a host (MCU) and the module: relay their bytes unchanged (or only listen on a Y-cable), " +
            "write the trace and show every command with its answer and latency, URCs, the MQTT session and diagnostics as they happen.\n" + ExitCodeHelp)
        {
            host, module, listenOnly, trace, rotateSize, junit, failOn, showSecrets,
        };
        command.SetAction(async (parse, cancel) =>
        {
            long? limit = null;
            if (parse.GetValue(rotateSize) is { } sizeText && (limit = ParseSize(sizeText)) is null)
                return Fail($"--rotate-size must be a positive number of bytes with an optional k, M or G, e.g. 10M (got '{sizeText}')");
            var tracePath = parse.GetValue(trace)!;
            var junitPath = parse.GetValue(junit);
            if (!new OutputPaths().File("--trace", tracePath).File("--junit", junitPath).Check(Console.Error)) return ExitCodes.UsageError;
            if (LogFiles.Rotation(tracePath) is { Count: > 1 } old)
                return Fail($"{old[^2]} is left from an earlier trace and would be read as part of this one: move it away or choose another --trace");
            var options = new TapOptions(parse.GetValue(host)!, parse.GetValue(module)!, parse.GetValue(listenOnly), tracePath, limit, parse.GetValue(showSecrets));
            try
            {
                TapPort.Parse(options.Host);
                TapPort.Parse(options.Module);
            }
            catch (LinkException e)
            {
                return Fail(e.Message);
            }

            using var stop = new StopSignals(cancel);
            var session = new TapSession(options);
            session.Opened += (hostName, moduleName) =>
            {
                // The paths a user (or a script) opens come first, on standard output.
                if (hostName.StartsWith("pty:", StringComparison.Ordinal)) Console.WriteLine($"host {hostName}");
                if (moduleName.StartsWith("pty:", StringComparison.Ordinal)) Console.WriteLine($"module {moduleName}");
                ErrorText.Write($"tapping host {hostName} and module {moduleName} " +
                    $"({(options.ListenOnly ? "listen-only" : "forwarding")}), trace {tracePath}; Ctrl-C to stop");
            };
            TapResult result;
            try
            {
                result = await session.RunAsync(new LiveConsoleReport(Terminal.Out), stop.Token);
            }
            catch (LinkException e)
            {
                return Fail(e.Message);
            }
            catch (OperationCanceledException)
            {
                ErrorText.Write("stopped before both ports were open");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot write the trace {tracePath}: {e.Message}");
            }
            var end = stop.Received is { } signal ? $"stopped by {signal}" : result.End.Reason;
            WriteSummary(result, end);
            if (junitPath is not null)
            {
                try
                {
                    ReplacedFile.Write(junitPath, stream => TapJUnit.Write(result with { End = result.End with { Reason = end } }, stream));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Fail($"cannot write the JUnit summary {junitPath}: {e.Message}");
                }
            }
            return AnalyzeCommand.FailsOn(result.Analysis, parse.GetValue(failOn)!) ? ExitCodes.Failures : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteSummary(TapResult result, string end)
    {
        var summary = result.Analysis.Summary;
        var delay = result.ForwardingMicroseconds;
        var forwarding = delay.Count == 0 ? "nothing forwarded"
            : $"forwarding delay per read median {Micro(delay.Median)}, p95 {Micro(delay.P95)}, max {Micro(delay.Max)} over {delay.Count} reads";
        var rotated = result.Rotations > 0 ? $" (+ {result.Rotations} rotated: {result.Trace}.1 …)" : "";
        Console.WriteLine($"tap ended: {end}");
        Console.WriteLine($"{Report.Count(summary.Commands, "command", "commands")}: {summary.Ok} ok, {Report.Count(summary.Errors, "error", "errors")}, " +
            $"{summary.Unanswered} unanswered; {Report.Count(summary.Urcs, "URC", "URCs")}; {Report.Count(summary.Diagnostics, "diagnostic", "diagnostics")}");
        Console.WriteLine($"{result.BytesToModule} bytes to the module, {result.BytesFromModule} bytes from it; {forwarding}");
        Console.WriteLine($"trace {result.Trace}{rotated}");
        if (result.TraceError is not null) ErrorText.Write($"the trace stopped early: {result.TraceError}");
    }

    private static string Micro(double? microseconds) => microseconds is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " µs" : "?";

    /// <summary>Bytes from <c>4096</c>, <c>512k</c>, <c>10M</c> or <c>1G</c>; null when malformed or not positive.</summary>
    internal static long? ParseSize(string text)
    {
        var unit = text.Length > 0 ? char.ToUpperInvariant(text[^1]) : ' ';
        var factor = unit switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1L };
        var digits = factor == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= long.MaxValue / factor ? n * factor : null;
    }

    private static int Fail(string message)
    {
        ErrorText.Write(message);
        return ExitCodes.UsageError;
    }
}
