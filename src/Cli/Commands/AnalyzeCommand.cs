using System.CommandLine;
using Conformance.Analyzer.Diagnostics;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;
using Conformance.Analyzer.Timeline;
using Conformance.Cli.Output;
using Conformance.Fleet.Ingest;
using Conformance.Protocol.Codes;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance analyze LOG</c>: explains a captured log as a console timeline, JSON, CSV or an HTML page.</summary>
internal static class AnalyzeCommand
{
    public const string ExitCodeHelp =
        "Exit codes: 0 analysed (and nothing at or above --fail-on); 1 a diagnostic at or above --fail-on, a damaged part of a rotated or several-file log " +
        "(left out, named with its file and line; the rest is reported), or Ctrl-C or SIGTERM stopped it (no report written); " +
        "2 usage or input error (missing, empty, binary or unreadable file, a directory, unknown --format).";

    // Below this a log is read in well under a second: no progress bar.
    private const long ProgressThreshold = 8L << 20;

    public static Command Create()
    {
        var file = new Argument<string[]>("log")
        {
            Description = "The captured log, - for standard input; a single log's rotations (LOG.1, LOG.2 …) are read with it; " +
                "several logs are read as one, in the order given.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = FormatOption();
        var json = new Option<string?>("--json") { Description = "Write the analysis as JSON to FILE, or - for standard output (then no console report)." };
        var csv = new Option<string?>("--csv") { Description = "Write exchanges.csv, urcs.csv and diagnostics.csv into DIR." };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML page (tables and plots) to FILE." };
        var showSecrets = ShowSecretsOption();
        var parquet = AnalyzeParquet.Option();
        var jobs = FleetIngestRun.JobsOption();
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a diagnostic at or above this severity is found.", DefaultValueFactory = _ => "never" };
        failOn.AcceptOnlyFromAmong("never", "note", "warn", "error");
        var follow = new Option<bool>("--follow") { Description = "Follow a growing log, or a port (serial:PATH[,BAUD], tcp:HOST:PORT): print the timeline live, report at the end (docs/tap.md)." };
        var channel = new Option<string?>("--channel") { Description = "In a log of several devices (ports, modems), analyse only the device NAME (ttyUSB1 also names /dev/ttyUSB1)." };
        var idleExit = new Option<double?>("--idle-exit") { Description = "With --follow: end after SECONDS without new bytes (default: at Ctrl-C or when the port closes)." };
        var command = new Command("analyze", "Explain a captured log of the module's serial port: every command with its answer and latency, " +
            "every URC, the MQTT session's life and what looks wrong, with the line numbers of the original file.\n" + ExitCodeHelp +
            "\nWith --parquet: " + FleetIngestRun.ExitCodeHelp)
        {
            file, format, json, csv, html, showSecrets, failOn, channel, parquet, jobs, follow, idleExit,
        };
        MistypedOptions.Refuse(file, command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(parquet) is { } parquetFolder) return AnalyzeParquet.Run(parse, parse.GetValue(file)!, parquetFolder, parse.GetValue(jobs));
            // An option of another mode would be ignored without a word: said instead.
            if (parse.GetValue(jobs) is not null || parse.GetValue(idleExit) is not null && !parse.GetValue(follow))
            {
                ErrorText.Write(parse.GetValue(jobs) is not null ? "--jobs sets how many logs --parquet analyses at once: give --parquet DIR, or leave --jobs out"
                    : "--idle-exit ends a --follow: give --follow, or leave --idle-exit out");
                return ExitCodes.UsageError;
            }
            var jsonPath = parse.GetValue(json);
            var outputs = new OutputPaths()
                .File("--json", jsonPath, standardOutput: true)
                .Folder("--csv", parse.GetValue(csv))
                .File("--html", parse.GetValue(html));
            if (parse.GetValue(csv) is { } csvFolder)
                foreach (var name in CsvReport.FileNames) outputs.File("--csv", Path.Combine(csvFolder, name));
            foreach (var input in LogFiles.Of(parse.GetValue(file)!).Where(input => input != "-" && !AnalyzeFollow.IsPort(input))) outputs.Input(input);
            if (!outputs.Check(Console.Error)) return ExitCodes.UsageError;
            // Following ends at a signal with its report; an offline analysis has none to give before it is done.
            using var signals = parse.GetValue(follow) ? null : StopSignals.ExitingOn("while analysing");
            var analysis = parse.GetValue(follow)
                ? AnalyzeFollow.Load(parse.GetValue(file)!, parse.GetValue(format), parse.GetValue(showSecrets), parse.GetValue(channel), parse.GetValue(idleExit),
                    jsonPath == "-" ? Terminal.Error : Terminal.Out)
                : LoadChannels(parse.GetValue(file)!, parse.GetValue(format), parse.GetValue(showSecrets), parse.GetValue(channel));
            if (analysis is null) return ExitCodes.UsageError;
            var (_, results, devices, damaged) = analysis.Value;
            try
            {
                if (jsonPath == "-")
                {
                    // A document per device, one after another (jq reads them as a stream).
                    using var stdout = StandardOutput.Open();
                    foreach (var result in results)
                    {
                        JsonReport.Write(result, stdout);
                        if (results.Count > 1) stdout.WriteByte((byte)'\n');
                    }
                }
                else
                {
                    AnalysisConsoleReport.WriteDevices(devices, results, Terminal.Out);
                    foreach (var result in results) AnalysisConsoleReport.Write(result, Terminal.Out);
                    foreach (var result in results)
                        if (jsonPath is not null) ReplacedFile.Write(ChannelPaths.File(jsonPath, result.Channel), stream => JsonReport.Write(result, stream));
                }
                foreach (var result in results)
                {
                    if (parse.GetValue(csv) is { } directory) CsvReport.Write(result, ChannelPaths.Folder(directory, result.Channel));
                    if (parse.GetValue(html) is { } page)
                    {
                        ReplacedFile.Write(ChannelPaths.File(page, result.Channel), stream =>
                        {
                            using var writer = new StreamWriter(stream);
                            HtmlReport.Write(result, writer, Title(parse.GetValue(file)!) + (result.Channel is { } name ? $", device {name}" : ""));
                        });
                    }
                }
            }
            catch (Exception e) when (e is IOException and not StandardOutputException or UnauthorizedAccessException)
            {
                ErrorText.Write($"cannot write the report: {e.Message}");
                return ExitCodes.UsageError;
            }
            // The worst of the devices: one that fails fails the log.
            return damaged || results.Any(result => FailsOn(result, parse.GetValue(failOn)!)) ? ExitCodes.Failures : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The page's title: every log named, by file name, in the order given.</summary>
    private static string Title(IReadOnlyList<string> paths) =>
        string.Join(" + ", paths.Select(p => p == "-" ? "standard input" : Path.GetFileName(p)));

    public static Option<string?> FormatOption()
    {
        var format = new Option<string?>("--format") { Description = $"Read the log as this format instead of detecting it: {string.Join(", ", LogFormatNames.All)}." };
        format.Validators.Add(result =>
        {
            try
            {
                if (result.GetValueOrDefault<string?>() is { } name) LogFormatNames.Parse(name);
            }
            catch (ArgumentException e)
            {
                result.AddError(ErrorText.Of(e));
            }
        });
        return format;
    }

    public static Option<bool> ShowSecretsOption() =>
        new("--show-secrets") { Description = "Show secrets (MQTTCFG passwords, tokens, Wi-Fi keys, sign= values) as sent instead of ***." };

    /// <summary>
    /// Reads and analyses one log (with its rotations, or standard input for <c>-</c>) or several read in order as one;
    /// on bad input explains why on standard error and returns null. A log of several modules is analysed per module
    /// (<see cref="TimelineBuilder.AnalyzeChannels(LogSource, AnalysisOptions?, string?, out IReadOnlyList{string})"/>; with
    /// <paramref name="channel"/>, that one): an analysis per channel, each naming it; a log of one module gives its one
    /// analysis. The path returned names the log; Damaged says that a part of it could not be read (each part said on
    /// standard error) and the rest was analysed.
    /// </summary>
    public static (string Path, IReadOnlyList<Analysis> Analyses, IReadOnlyList<string> Devices, bool Damaged)? LoadChannels(IReadOnlyList<string> paths, string? format,
        bool showSecrets, string? channel, int maxStoredItems = 10_000)
    {
        string? unknown = null;
        IReadOnlyList<string> devices = [];
        var loaded = Load(paths, format, showSecrets, maxStoredItems, (source, options) =>
        {
            if (source.Channels is null)
            {
                if (channel is null) return [TimelineBuilder.Analyze(source, options)];
                unknown = $"--channel {channel}: the log names no devices, it is a log of one module; leave --channel out";
                return [];
            }
            var analyses = TimelineBuilder.AnalyzeChannels(source, options, channel, out var names);
            devices = names;
            ErrorText.Write($"{Name(paths)}: the log holds {names.Count} devices ({source.Channels.Describe()}): {string.Join(", ", names)}; each is analysed as a log of its own");
            if (analyses.Count == 0) unknown = $"--channel {channel}: no such device in the log; its devices are {string.Join(", ", names)}";
            return analyses;
        });
        if (unknown is not null)
        {
            ErrorText.Write(unknown);
            return null;
        }
        return loaded is var (path, analyses, damaged) ? (path, analyses, devices, damaged) : null;
    }

    private static (string Path, IReadOnlyList<Analysis> Analyses, bool Damaged)? Load(IReadOnlyList<string> paths, string? format, bool showSecrets, int maxStoredItems,
        Func<LogSource, AnalysisOptions, IReadOnlyList<Analysis>> analyze)
    {
        var path = Name(paths);
        try
        {
            var forced = format is null ? (LogFormat?)null : LogFormatNames.Parse(format);
            var source = LogSource.Open(LogFiles.Of(paths), forced, readPastDamage: true);
            if (source.IsEmpty)
            {
                ErrorText.Write($"{path}: the log is empty, nothing to analyse");
                return null;
            }
            var how = format is null ? $"detected, confidence {source.Detection.Confidence:0.00}" : "forced";
            var prefix = source.Detection.CommentPrefix.Length > 0 ? $", each line after '{source.Detection.CommentPrefix}'" : "";
            if (source.Detection.PaddedWidth > 0) prefix += $", lines padded to {source.Detection.PaddedWidth} columns read without the padding";
            if (source.Detection.CaretLineEnds) prefix += ", each line's ^M read as its CR";
            var stored = string.Join(", ", source.Storage.Where(s => s.Length > 0).Distinct());
            var storedAs = stored.Length > 0 ? $" ({stored})" : "";
            ErrorText.Write($"reading {path}{storedAs} as {LogFormatNames.NameOf(source.Format)} ({how}{prefix})");
            var options = new AnalysisOptions { ShowSecrets = showSecrets, MaxStoredItems = maxStoredItems };
            var analyses = source.TotalBytes > ProgressThreshold && !Console.IsErrorRedirected
                ? WithProgress(source, () => analyze(source, options))
                : analyze(source, options);
            if (analyses.Count == 0) return null;
            // Lines of a binary file read as unnamed module output: only commands or named URCs show AT traffic.
            if (!analyses.Any(AtTraffic.Found))
            {
                ErrorText.Write($"{path}: no AT traffic found (read as {LogFormatNames.NameOf(source.Format)}); " +
                    "is it a log of the module's serial port? Try --format.");
                return null;
            }
            // One damaged rotation does not hide the others: what it holds past the damage is said to be missing.
            foreach (var damage in source.Damage)
                ErrorText.Write(damage.Message + (damage.Line is null ? "; the file is left out" : damage.EndsInput ? "; the file is not read from there on" : "; the line is left out")
                    + ", the rest of the log is analysed");
            return (path, analyses, source.Damage.Count > 0);
        }
        catch (LogReadException e)
        {
            ErrorText.Write(e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorText.Write($"{path}: cannot be read: {e.Message}");
            return null;
        }
    }

    // The log as messages name it: its files, standard input for `-`.
    private static string Name(IReadOnlyList<string> paths) => string.Join(" + ", paths.Select(p => p == "-" ? "standard input" : p));

    private static T WithProgress<T>(LogSource source, Func<T> analyze)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("reading the log", maxValue: source.TotalBytes);
            var work = Task.Run(analyze);
            while (!work.Wait(200)) task.Value = source.BytesRead;
            task.Value = source.TotalBytes;
            return work.Result;
        });
    }

    internal static bool FailsOn(Analysis analysis, string failOn)
    {
        Severity? threshold = failOn switch
        {
            "note" => Severity.Note,
            "warn" => Severity.Warn,
            "error" => Severity.Error,
            _ => null,
        };
        // The counts cover every diagnostic, also those beyond the storage limit.
        return threshold is { } t && analysis.Statistics.Diagnostics.Any(d => d.Severity >= t);
    }
}
