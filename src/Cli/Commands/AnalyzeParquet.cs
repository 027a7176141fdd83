using System.CommandLine;
using System.CommandLine.Parsing;
using Conformance.Analyzer.Readers;
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
            Console.Error.WriteLine($"conformance: {other.Option.Name} reports one log; --parquet writes the tables of every log (docs/fleet.md): use one or the other");
            return ExitCodes.UsageError;
        }
        var formatName = parse.GetValue<string?>("--format");
        var options = new FleetOptions(formatName is null ? null : LogFormatNames.Parse(formatName), parse.GetValue<bool>("--show-secrets"));
        if (Foreign(output) is { } entry)
        {
            Console.Error.WriteLine($"conformance: --parquet {output}: holds '{entry}', which is no table of a Parquet output; name an empty or new folder");
            return ExitCodes.UsageError;
        }
        // Ctrl-C and SIGTERM end the job through the finally below, which deletes the scratch database.
        using var stop = new StopSignals(CancellationToken.None);
        var database = Path.Combine(Path.GetTempPath(), $"conformance-fleet-{Guid.NewGuid():N}.duckdb");
        try
        {
            var nothing = $"nothing written to {output}";
            var rows = FleetIngestRun.Ingest(inputs, database, jobs, options, stop, nothing);
            if (rows is null) return FleetIngestRun.ExitCode(rows, stop);
            if (stop.Received is { } signal)
            {
                Console.Error.WriteLine($"conformance: interrupted ({signal}) after every log was read; {nothing}");
                return ExitCodes.Failures;
            }
            using (var connection = FleetDatabase.Open(database)) ParquetExport.Write(connection, output);
            Console.Error.WriteLine($"conformance: wrote {string.Join(", ", ParquetExport.Folders)} as Parquet into {output}");
            return FleetIngestRun.ExitCode(rows, stop);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            Console.Error.WriteLine($"conformance: --parquet {output}: cannot be written: {e.Message}");
            return ExitCodes.UsageError;
        }
        finally
        {
            foreach (var file in new[] { database, database + ".wal" }) if (File.Exists(file)) File.Delete(file);
        }
    }

    // The output folder is replaced table by table: anything else in it is the user's and stays untouched.
    private static string? Foreign(string output)
    {
        if (File.Exists(output)) return output;
        if (!Directory.Exists(output)) return null;
        var ours = ParquetExport.Folders.ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).FirstOrDefault(name => !ours.Contains(name!));
    }
}
