using System.CommandLine;
using System.CommandLine.Parsing;
using Conformance.Analyzer.Readers;
using Conformance.Cli.Output;
using Conformance.Fleet.Export;
using Conformance.Fleet.Ingest;
using Conformance.Fleet.Storage;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance analyze DIR|GLOB|FILE… --parquet OUT</c>: every input file its own log, analysed on every core
/// into a scratch fleet database and written to <c>OUT</c> as partitioned Parquet (docs/fleet.md).
/// </summary>
internal static class AnalyzeParquet
{
    public const string Help =
        "Analyse every log on all cores (each file its own log; directories walked, globs expanded, rotations kept together) " +
        "and write the tables as Parquet partitioned by day into DIR (docs/fleet.md). ";

    /// <summary>The <c>--parquet DIR</c> option.</summary>
    public static Option<string?> Option() => new("--parquet") { Description = Help };

    // Options of the one-log reports, which --parquet does not write, and of following one log live.
    private static readonly string[] OneLogOutputs = ["--json", "--csv", "--html", "--fail-on", "--follow", "--idle-exit"];

    public static int Run(ParseResult parse, IReadOnlyList<string> inputs, string output, int? jobs)
    {
        if (parse.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => !o.Implicit && OneLogOutputs.Contains(o.Option.Name)) is { } other)
        {
            ErrorText.Write($"{other.Option.Name} reports one log; --parquet writes the tables of every log (docs/fleet.md): use one or the other");
            return ExitCodes.UsageError;
        }
        var formatName = parse.GetValue<string?>("--format");
        var options = new FleetOptions(formatName is null ? null : LogFormatNames.Parse(formatName), parse.GetValue<bool>("--show-secrets"));
        // Checked before any log is read, as --db is: an empty name, a folder that cannot be made or written.
        if (!new OutputPaths().Folder("--parquet", output).Check(Console.Error)) return ExitCodes.UsageError;
        if (Refusal(output) is { } refusal)
        {
            ErrorText.Write($"--parquet {output}: {refusal}");
            return ExitCodes.UsageError;
        }
        // Ctrl-C and SIGTERM end the job through the finally below, which deletes the scratch database.
        using var stop = new StopSignals(CancellationToken.None);
        var database = Path.Combine(Path.GetTempPath(), $"conformance-fleet-{Guid.NewGuid():N}.duckdb");
        // The output and the scratch database are no logs, also when they lie in a folder walked (`analyze . --parquet out`).
        if (FleetIngestRun.Find(inputs, [output, database, database + ".wal", database + ".tmp"]) is not { } logs) return ExitCodes.UsageError;
        if (logs.SelectMany(l => l.Files).FirstOrDefault(file => OutputPaths.IsInside(file, output)) is { } inside)
        {
            ErrorText.Write($"--parquet {output}: the input {inside} is inside it, where the tables are written: name a folder outside the logs");
            return ExitCodes.UsageError;
        }
        try
        {
            var nothing = $"nothing written to {output}";
            var rows = FleetIngestRun.Ingest(logs, database, jobs, options, stop, nothing);
            if (rows is null) return FleetIngestRun.ExitCode(rows, stop);
            if (stop.Received is { } signal)
            {
                ErrorText.Write($"interrupted ({signal}) after every log was read; {nothing}");
                return ExitCodes.Failures;
            }
            // Once begun, the tables are written to their end (seconds, with every log read): a folder stopped half way
            // would hold some tables of this export and some of none. A signal meanwhile is said, and exits 1.
            using (var connection = FleetDatabase.Open(database)) ParquetExport.Write(connection, output);
            ErrorText.Write($"wrote {string.Join(", ", ParquetExport.Folders)} as Parquet into {output}");
            if (stop.Received is { } late)
            {
                ErrorText.Write($"interrupted ({late}) while the tables were written; they were finished: {output} is whole");
                return ExitCodes.Failures;
            }
            return FleetIngestRun.ExitCode(rows, stop);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            ErrorText.Write($"--parquet {output}: cannot be written: {e.Message}");
            return ExitCodes.UsageError;
        }
        finally
        {
            foreach (var file in new[] { database, database + ".wal" }) if (File.Exists(file)) File.Delete(file);
        }
    }

    // The output folder is replaced table by table, and only what an earlier export wrote there is deleted: anything
    // else (a log in OUT/logs/, notes beside the tables) is the user's, and the export is refused before any work.
    private static string? Refusal(string output)
    {
        try
        {
            return ParquetExport.Foreign(output) is { } entry
                ? $"holds {entry}, which is no Parquet file written by conformance and would be lost; name an empty or new folder"
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be looked through: {e.Message}";
        }
    }
}
