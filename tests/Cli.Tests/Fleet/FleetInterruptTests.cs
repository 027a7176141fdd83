using System.Diagnostics;
using System.Text;
using DuckDB.NET.Data;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// Ctrl-C or SIGTERM in the middle of a large log: the job says it was interrupted and exits 1, the scratch
/// database is gone, and the fleet database holds each log whole or not at all.
/// </summary>
public sealed class FleetInterruptTests : TemporaryFolder
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    // More exchanges than DuckDB's appender holds before it writes a chunk to its table (204,800 rows).
    private const int Exchanges = 250_000;

    private static string Exchange(int i)
    {
        var time = $"2024-01-02 {i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00}";
        return $"[{time}.000] AT+CSQ\r\n[{time}.050] +CSQ: 20,99\r\n[{time}.051] OK\r\n";
    }

    // A walk reads regular files only: the pipe is named on its own, beside the folder of the small log.
    private string Pipe => Path.Combine(Folder, "pipe", "large.log");

    /// <summary>
    /// Runs the program on a folder with a small log and a named pipe that it reads as a large log, sends
    /// <paramref name="signal"/> once the pipe has carried <see cref="Exchanges"/> exchanges, and feeds the pipe
    /// until the program ends, so that the signal lands mid-log.
    /// </summary>
    private async Task<(int ExitCode, string StandardError)> InterruptMidLog(string signal, params string[] args)
    {
        var scratch = Directory.CreateDirectory(Path.Combine(Folder, "tmp")).FullName;
        Write("logs/small.log", Exchange(0));
        Directory.CreateDirectory(Path.GetDirectoryName(Pipe)!);
        var pipe = Pipe;
        using (var mkfifo = Process.Start("mkfifo", [pipe])) await mkfifo.WaitForExitAsync();
        using var process = ConformanceProcess.Start(new Dictionary<string, string> { ["TMPDIR"] = scratch }, args);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Opening a pipe for writing waits for its reader: the program reading the log.
        await using (var writer = await Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write)).WaitAsync(Patience))
        {
            for (var i = 0; i < Exchanges; i++) await writer.WriteAsync(Encoding.ASCII.GetBytes(Exchange(i)));
            await writer.FlushAsync();
            using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()])) await kill.WaitForExitAsync();
            try
            {
                for (var i = Exchanges; !process.HasExited; i++)
                {
                    await writer.WriteAsync(Encoding.ASCII.GetBytes(Exchange(i)));
                    await writer.FlushAsync();
                }
            }
            catch (IOException)
            {
                // The reader is gone: the program closed the log.
            }
        }
        await process.WaitForExitAsync().WaitAsync(Patience);
        await stdout;
        Assert.That(Directory.GetFiles(scratch, "conformance-fleet-*"), Is.Empty, "the scratch database and its WAL are deleted");
        return (process.ExitCode, await stderr);
    }

    [Test]
    public async Task Ctrl_c_mid_log_keeps_the_logs_done_whole_and_leaves_nothing_of_the_log_it_was_reading()
    {
        var database = Path.Combine(Folder, "f.duckdb");

        var (exitCode, stderr) = await InterruptMidLog("INT", "fleet", Path.Combine(Folder, "logs"), Pipe, "--db", database);

        Assert.That(exitCode, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain("conformance: interrupted (SIGINT) after 1 of 2 logs").And.Contain("each whole"));
        var logs = await Query(database, "SELECT log, commands, (SELECT count(*) FROM exchanges e WHERE e.log = l.log) FROM logs l");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[] { "small.log 1 1" }));
        Assert.That(await Query(database, "SELECT count(*) FROM exchanges WHERE log = 'large.log'"), Is.EqualTo(new[] { new[] { "0" } }),
            "no rows of the log cut short by the signal");
    }

    [Test]
    public async Task Sigterm_mid_log_in_analyze_parquet_writes_nothing_and_deletes_the_scratch_database()
    {
        var output = Path.Combine(Folder, "out");

        var (exitCode, stderr) = await InterruptMidLog("TERM", "analyze", Path.Combine(Folder, "logs"), Pipe, "--parquet", output);

        Assert.That(exitCode, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain("conformance: interrupted (SIGTERM)").And.Contain($"nothing written to {output}"));
        Assert.That(Directory.Exists(output) ? Directory.EnumerateFileSystemEntries(output) : [], Is.Empty, "no table written");
    }

    [Test]
    public async Task Rows_of_a_log_without_its_logs_row_are_removed_by_the_next_ingest()
    {
        var database = Path.Combine(Folder, "f.duckdb");
        await ConformanceProcess.RunAsync(null, "fleet", Write("logs/a.log", Exchange(0)), "--db", database);
        // What a stopped run of an earlier version left: exchanges of a log that has no row in logs.
        using (var connection = new DuckDBConnection($"Data Source={database}"))
        {
            connection.Open();
            using var orphan = connection.CreateCommand();
            orphan.CommandText = "INSERT INTO exchanges (log, line, command, name) VALUES ('half.log', 1, 'AT', 'AT')";
            orphan.ExecuteNonQuery();
        }

        var run = await ConformanceProcess.RunAsync(null, "fleet", Write("logs/b.log", Exchange(1)), "--db", database);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(await Query(database, "SELECT DISTINCT log FROM exchanges ORDER BY log"), Is.EqualTo(new[] { new[] { "a.log" }, new[] { "b.log" } }));
    }
}
