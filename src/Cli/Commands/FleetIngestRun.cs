using Conformance.Fleet.Ingest;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>
/// Ingests the logs named on the command line into a fleet database on every core, with a progress bar on a
/// terminal, and says on standard error which logs could not be read. Shared by <c>analyze --parquet</c> and <c>fleet</c>.
/// </summary>
internal static class FleetIngestRun
{
    /// <summary>
    /// Exit codes of an ingest: 0 every log read; 1 the job ran but some logs could not be read (each is a row of
    /// <c>logs</c> with its error), or a signal stopped it; 2 usage or setup error (an input that names nothing, an
    /// output that cannot be written or holds files of the user's).
    /// </summary>
    public const string ExitCodeHelp =
        "Exit codes: 0 every log read; 1 some logs could not be read (each is a row of the logs table with its error: also a folder " +
        "without permission, a FIFO or a name that is not UTF-8 met by a walk), or Ctrl-C or SIGTERM stopped the job; 2 usage or setup " +
        "error (an input that names nothing, an output that cannot be written, an output folder holding files the program did not write).";

    /// <summary>
    /// The logs of <paramref name="inputs"/>, walks leaving out <paramref name="outputs"/> (what the command writes);
    /// null (after saying why on standard error) when an input names nothing.
    /// </summary>
    public static IReadOnlyList<FleetLog>? Find(IReadOnlyList<string> inputs, IEnumerable<string> outputs)
    {
        try
        {
            return LogInputs.Find(inputs, outputs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorText.Write(e.Message);
            return null;
        }
    }

    /// <summary>
    /// Ingests the logs found by <see cref="Find"/>, saying on standard error which could not be read; null when
    /// <paramref name="stop"/> interrupted it (then <paramref name="interrupted"/> says what is left).
    /// </summary>
    public static IReadOnlyList<LogRow>? Ingest(IReadOnlyList<FleetLog> logs, string database, int? jobs, FleetOptions options, StopSignals stop, string interrupted)
    {
        var workers = jobs ?? Environment.ProcessorCount;
        var progress = new IngestProgress(logs.Count, logs.Sum(log => log.Size));
        // Said after the progress bar is gone, with the logs that could not be read.
        var warnings = new List<string>();
        IReadOnlyList<LogRow>? rows = null;
        try
        {
            rows = Console.IsErrorRedirected
                ? FleetIngest.Run(database, logs, workers, options, progress, warnings.Add, stop.Token)
                : WithProgress(progress, () => FleetIngest.Run(database, logs, workers, options, progress, warnings.Add, stop.Token));
        }
        catch (OperationCanceledException) when (stop.Received is not null)
        {
            // Said below, after the warnings of the logs that were keyed.
        }
        foreach (var warning in warnings) ErrorText.Write(warning);
        if (rows is null)
        {
            ErrorText.Write($"interrupted ({stop.Received}) after {progress.LogsDone} of {logs.Count} logs; {interrupted}");
            return null;
        }
        // Each error after its log's key, as the logs table holds them (the key masked by the secret policy there too).
        foreach (var row in rows.Where(r => r.Error is not null))
            ErrorText.Write($"{row.Log.Key}: {row.Error}");
        var devices = rows.Count > logs.Count ? $" ({rows.Count} rows of logs: a row per device of a log of several)" : "";
        ErrorText.Write($"{logs.Count} logs{devices}, {progress.Bytes / 1e6:0.0} MB in {progress.Elapsed.TotalSeconds:0.0} s " +
            $"on {workers} workers ({progress.LogsPerSecond:0.#} logs/s, {progress.MegabytesPerSecond:0.#} MB/s); {progress.Failed} could not be read");
        return rows;
    }

    /// <summary>The exit code of an ingest: 1 when some logs could not be read or a signal stopped it, 2 when it could not start.</summary>
    public static int ExitCode(IReadOnlyList<LogRow>? rows, StopSignals stop) =>
        rows is null ? stop.Received is null ? ExitCodes.UsageError : ExitCodes.Failures
        : rows.Any(r => r.Error is not null) ? ExitCodes.Failures : ExitCodes.Ok;

    private static IReadOnlyList<LogRow> WithProgress(IngestProgress progress, Func<IReadOnlyList<LogRow>> ingest)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(true).Start(context =>
        {
            // Bytes, not logs, measure the way: one large log among small ones is most of the work.
            var task = context.AddTask("logs", maxValue: Math.Max(1, progress.Bytes));
            var work = Task.Run(ingest);
            while (!work.Wait(200))
            {
                task.Value = Math.Min(progress.BytesDone, progress.Bytes);
                task.Description = $"{progress.LogsDone}/{progress.Logs} logs, {progress.LogsPerSecond:0.#} logs/s, {progress.MegabytesPerSecond:0.#} MB/s";
            }
            task.Value = task.MaxValue;
            // The ingest's own exception (a cancellation), not an AggregateException.
            return work.GetAwaiter().GetResult();
        });
    }

    /// <summary>The <c>--jobs</c> option: how many logs are analysed at once.</summary>
    public static System.CommandLine.Option<int?> JobsOption()
    {
        var jobs = new System.CommandLine.Option<int?>("--jobs", "-j") { Description = "Logs analysed at once (default: the processor count)." };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--jobs must be at least 1");
        });
        return jobs;
    }
}
