using System.CommandLine;
using Conformance.Analyzer.Readers;
using Conformance.Cli.Output;
using Conformance.Fleet.Ingest;
using Conformance.Fleet.Questions;
using DuckDB.NET.Data;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance fleet LOG… --db FILE</c> ingests many logs into a DuckDB file; <c>fleet report</c> answers the
/// standard questions; <c>fleet query</c> answers any SQL (docs/fleet.md).
/// </summary>
internal static class FleetCommand
{
    public static Command Create()
    {
        var logs = new Argument<string[]>("log")
        {
            Description = "Logs, directories (walked) or globs; each file is its own log, its rotations (LOG.1, LOG.2 …) read with it.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = new Option<string>("--db") { Description = "The DuckDB file to ingest into (created when missing; a file ingested again is replaced, another file with a key it holds keyed by its full path).", Required = true };
        var jobs = FleetIngestRun.JobsOption();
        var format = AnalyzeCommand.FormatOption();
        var showSecrets = AnalyzeCommand.ShowSecretsOption();
        var command = new Command("fleet", "Analyse many logs on all cores into a DuckDB file with the tables of docs/fleet.md; " +
            "then 'fleet report' answers the standard questions and 'fleet query' any SQL.\n" + FleetIngestRun.ExitCodeHelp)
        {
            logs, db, jobs, format, showSecrets, Report(), Query(),
        };
        MistypedOptions.Refuse(logs, command);
        command.SetAction(parse =>
        {
            var database = parse.GetValue(db)!;
            var outputs = new OutputPaths();
            foreach (var path in parse.GetValue(logs)!.Where(File.Exists)) outputs.Input(path);
            if (!outputs.File("--db", database).Check(Console.Error)) return ExitCodes.UsageError;
            var formatName = parse.GetValue(format);
            var options = new FleetOptions(formatName is null ? null : LogFormatNames.Parse(formatName), parse.GetValue(showSecrets));
            // The database, its write-ahead log and DuckDB's spill folder are no logs, also when they lie in a folder walked.
            if (FleetIngestRun.Find(parse.GetValue(logs)!, [database, database + ".wal", database + ".tmp"]) is not { } found) return ExitCodes.UsageError;
            // Ctrl-C and SIGTERM stop the ingest between records; each log is committed whole or not at all.
            using var stop = new StopSignals(CancellationToken.None);
            try
            {
                var rows = FleetIngestRun.Ingest(found, database, parse.GetValue(jobs), options, stop,
                    $"{database} holds the logs done, each whole; the others are as they were");
                return FleetIngestRun.ExitCode(rows, stop);
            }
            catch (Exception e) when (e is DuckDBException or InvalidDataException)
            {
                ErrorText.Write($"--db {database}: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    private static Command Report()
    {
        var db = DatabaseArgument();
        var html = new Option<string?>("--html") { Description = "Also write the answers as a self-contained HTML page to FILE." };
        var command = new Command("report", "Answer the standard questions of a fleet database: top diagnostics, latency percentiles per command " +
            "and firmware, reconnection storms per device, error codes over time.\n" + AnswerExitCodes)
        {
            db, html,
        };
        command.SetAction(parse =>
        {
            var database = parse.GetValue(db)!;
            var page = parse.GetValue(html);
            if (!new OutputPaths().Input(database).File("--html", page).Check(Console.Error)) return ExitCodes.UsageError;
            return Answer(database, () =>
            {
                var report = FleetReport.Of(database);
                Terminal.Out.MarkupLine(Markup.Escape($"{database}: {report.Overview}"));
                foreach (var table in report.Answers) ResultTableConsole.Write(table, Terminal.Out, "--html lists them all");
                if (page is not null)
                {
                    ReplacedFile.Write(page, stream =>
                    {
                        using var writer = new StreamWriter(stream);
                        ResultTableHtml.Write(report, $"Fleet report: {Path.GetFileName(database)}", writer);
                    });
                }
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Query()
    {
        var db = DatabaseArgument();
        var sql = new Argument<string>("sql") { Description = "A DuckDB SQL query over the tables of docs/fleet.md." };
        var csv = new Option<bool>("--csv") { Description = "Print the result as CSV with a header row instead of a table." };
        var command = new Command("query", "Print the result of any SQL query on a fleet database (opened read-only).\n" + AnswerExitCodes) { db, sql, csv };
        command.SetAction(parse =>
        {
            var database = parse.GetValue(db)!;
            var text = parse.GetValue(sql)!;
            // DuckDB answers a query without a statement with an exception of no words.
            if (ResultTable.IsBlank(text))
            {
                ErrorText.Write("the query holds no SQL statement (only spaces or comments); e.g. \"SELECT count(*) FROM logs\"");
                return ExitCodes.UsageError;
            }
            return Answer(database, () =>
            {
                using var connection = Fleet.Storage.FleetDatabase.Open(database, readOnly: true);
                var tables = ResultTable.QueryAll(connection, text);
                if (!parse.GetValue(csv))
                {
                    // Every statement's result, one table after another, as a SQL shell shows them.
                    foreach (var table in tables) ResultTableConsole.Write(table, Terminal.Out);
                    return ExitCodes.Ok;
                }
                // CSV is one table for a script to read: a second result would be taken for rows of the first.
                if (tables.Count > 1)
                {
                    ErrorText.Write($"--csv prints one result, and the query has {tables.Count} statements; give one");
                    return ExitCodes.UsageError;
                }
                ResultTableCsv.Write(tables[0], StandardOutput.Text);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private const string AnswerExitCodes =
        "Exit codes: 0 answered; 1 Ctrl-C or SIGTERM stopped it (what was printed stays, no page written); " +
        "2 usage or setup error (no fleet database, a query DuckDB refuses, an output that cannot be written, standard output closed or full).";

    private static Argument<string> DatabaseArgument() => new("db") { Description = "The DuckDB file written by 'conformance fleet … --db'." };

    // A missing file or a bad query is a usage error with DuckDB's own words, never a stack trace.
    private static int Answer(string database, Func<int> answer)
    {
        // An answer is printed as it is read and a page written whole: a signal has nothing to finish.
        using var signals = StopSignals.ExitingOn("while answering", "what was printed stays, no page written");
        if (Unreadable(database) is { } why)
        {
            ErrorText.Write($"{database}: {why}");
            return ExitCodes.UsageError;
        }
        try
        {
            return answer();
        }
        catch (Exception e) when (e is DuckDBException or IOException and not StandardOutputException or UnauthorizedAccessException)
        {
            // DuckDB quotes the query and the values it could not read, which may be the log's own text.
            ErrorText.WriteLines($"{database}: {e.Message}");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>Why <paramref name="database"/> is no fleet database to answer from; null when it is a DuckDB file.</summary>
    private static string? Unreadable(string database)
    {
        if (Directory.Exists(database))
            return "is a folder, not a fleet database: name the file 'conformance fleet --db' wrote (a --parquet folder is read with DuckDB's read_parquet, docs/fleet.md)";
        if (!File.Exists(database)) return "no such fleet database";
        // A DuckDB file says so at byte 8 (its magic, after a checksum); anything else would be opened read-only and fail obscurely.
        Span<byte> head = stackalloc byte[12];
        try
        {
            using var file = File.OpenRead(database);
            if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head[8..].SequenceEqual("DUCK"u8)) return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read: {e.Message}";
        }
        return head.StartsWith("PAR1"u8)
            ? "is a Parquet file, not a fleet database: query it with DuckDB's read_parquet (docs/fleet.md), or ingest logs with 'conformance fleet LOGS --db FILE'"
            : "is not a fleet database (a DuckDB file written by 'conformance fleet --db')";
    }
}
