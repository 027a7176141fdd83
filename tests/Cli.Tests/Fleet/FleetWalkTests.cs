using System.Diagnostics;
using Conformance.Fleet.Ingest;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// What a directory walk meets besides logs: the command's own outputs, FIFOs, folders it may not list, names that are
/// not UTF-8. Each is left out or is an error row of its own; the other logs are read and the job never hangs or ends.
/// </summary>
public sealed class FleetWalkTests : TemporaryFolder
{
    private const string Log = "AT+CSQ\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n";

    // Each row as one comma-joined line: a row reads at a glance in the expected values.
    private static async Task<List<string>> Rows(string database, string sql) => [.. (await Query(database, sql)).Select(row => string.Join(',', row))];

    private static void Shell(string script, string folder)
    {
        var start = new ProcessStartInfo("sh", ["-c", script]) { WorkingDirectory = folder, RedirectStandardError = true };
        using var shell = Process.Start(start)!;
        shell.WaitForExit();
        Assert.That(shell.ExitCode, Is.Zero, shell.StandardError.ReadToEnd());
    }

    [TestCase("analyze", "--parquet", "out")]
    [TestCase("fleet", "--db", "fleet.duckdb")]
    public async Task Run_twice_with_its_output_in_the_folder_walked_it_reads_the_logs_not_its_output(string verb, string option, string output)
    {
        Write("a.log", Log);

        var first = await ConformanceProcess.RunAsync(null, verb, Folder, option, Path.Combine(Folder, output));
        var second = await ConformanceProcess.RunAsync(null, verb, Folder, option, Path.Combine(Folder, output));

        Assert.That(first.ExitCode, Is.Zero, first.StandardError);
        Assert.That(second.ExitCode, Is.Zero, second.StandardError);
        Assert.That(second.StandardError, Does.Contain("conformance: 1 logs").And.Contain("0 could not be read"));
    }

    [Test]
    public async Task Fleet_leaves_out_a_parquet_export_in_the_folder_walked()
    {
        Write("a.log", Log);
        var export = await ConformanceProcess.RunAsync(null, "analyze", Folder, "--parquet", Path.Combine(Folder, "parquet"));

        var ingest = await ConformanceProcess.RunAsync(null, "fleet", Folder, "--db", Path.Combine(Folder, "f.duckdb"));

        Assert.That(export.ExitCode, Is.Zero, export.StandardError);
        Assert.That(ingest.ExitCode, Is.Zero, ingest.StandardError);
        Assert.That(ingest.StandardError, Does.Contain("conformance: 1 logs"));
    }

    [Test]
    public async Task A_fifo_in_a_folder_is_an_error_row_and_the_job_ends()
    {
        var database = Path.Combine(Folder, "f.duckdb");
        Write("fifo/a.log", Log);
        Shell("mkfifo fifo/p.log", Folder);

        var run = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "fifo"), "--db", database);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("p.log: is a FIFO (named pipe), not a regular file"));
        Assert.That(await Rows(database, "SELECT log, commands FROM logs ORDER BY log"), Is.EqualTo(new[] { "a.log,1", "p.log," }));
    }

    [Test]
    public async Task A_fifo_named_on_its_own_is_read()
    {
        Shell("mkfifo p.log", Folder);
        var fifo = Path.Combine(Folder, "p.log");
        var database = Path.Combine(Folder, "f.duckdb");

        var run = ConformanceProcess.RunAsync(null, "fleet", fifo, "--db", database);
        // Opening the FIFO to write waits for the reader: the program opened it, as it reads `fleet <(zcat log.gz)`.
        await Task.Run(() =>
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            writer.Write(System.Text.Encoding.ASCII.GetBytes(Log));
        }).WaitAsync(TimeSpan.FromMinutes(1));
        var result = await run;

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        Assert.That(await Rows(database, "SELECT log, commands FROM logs"), Is.EqualTo(new[] { "p.log,1" }));
    }

    [Test]
    public async Task A_folder_the_walk_may_not_list_is_an_error_row_and_the_other_logs_are_read()
    {
        // As root every folder can be listed: the listing fails here as it does for a user without permission.
        Write("perm/ok.log", Log);
        Write("perm/locked/x.log", Log);
        var locked = Path.Combine(Folder, "perm", "locked");
        IEnumerable<FileSystemInfo> List(string folder) => folder == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied.")
            : new DirectoryInfo(folder).EnumerateFileSystemInfos();
        var database = Path.Combine(Folder, "p.duckdb");

        var logs = LogInputs.Find([Path.Combine(Folder, "perm")], null, List);
        var rows = FleetIngest.Run(database, logs, 2, new FleetOptions(null, false), new IngestProgress(logs.Count, 0), _ => { }, CancellationToken.None);

        Assert.That(rows.Select(r => $"{r.Log.Key}: {r.Summary?.Commands} {r.Error}"), Is.EqualTo(new[]
        {
            "locked:  the folder cannot be read, its logs are left out: permission denied",
            "ok.log: 1 ",
        }));
        Assert.That(await Rows(database, "SELECT log, error IS NULL FROM logs ORDER BY log"), Is.EqualTo(new[] { "locked,false", "ok.log,true" }));
        Assert.That(await Rows(database, "SELECT DISTINCT log FROM exchanges"), Is.EqualTo(new[] { "ok.log" }));
    }

    [Test]
    public async Task An_error_row_says_the_cause_without_the_path_so_the_same_cause_is_one_group()
    {
        Write("site-1/dump.bin", new string('\0', 4000));
        Write("site-2/gw/dump.bin", new string('\0', 4000));
        Write("site-2/gw/modem.log", Log);
        var database = Path.Combine(Folder, "e.duckdb");

        var logs = LogInputs.Find([Folder]);
        FleetIngest.Run(database, logs, 2, new FleetOptions(null, false), new IngestProgress(logs.Count, 0), _ => { }, CancellationToken.None);

        Assert.That(await Rows(database, "SELECT count(*), error FROM logs WHERE error IS NOT NULL GROUP BY error"),
            Has.Count.EqualTo(1).And.One.StartsWith("2,").And.One.Contains("looks like binary data"));
    }

    [Test]
    public async Task A_file_name_that_is_not_utf8_says_so_and_how_to_rename_it()
    {
        Write("gbk/ok.log", Log);
        // 日志.log in GBK, as unzip leaves a zip made on a Chinese Windows.
        Shell("cp gbk/ok.log \"gbk/$(printf '\\310\\325\\326\\276').log\"", Folder);
        var database = Path.Combine(Folder, "x.duckdb");
        var dll = Path.Combine(AppContext.BaseDirectory, "conformance.dll");

        ConformanceProcess.Result walked;
        string namedError;
        int namedExit;
        try
        {
            walked = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "gbk"), "--db", database);
            var named = new ProcessStartInfo("sh", ["-c", $"dotnet '{dll}' analyze gbk/[!o]*.log"]) { WorkingDirectory = Folder, RedirectStandardError = true, RedirectStandardOutput = true };
            using var analyze = Process.Start(named)!;
            namedError = await analyze.StandardError.ReadToEndAsync();
            await analyze.WaitForExitAsync();
            namedExit = analyze.ExitCode;
        }
        finally
        {
            Shell("rm -f gbk/*", Folder);   // .NET cannot name the file to delete it either
        }

        Assert.That(walked.ExitCode, Is.EqualTo(1), walked.StandardError);
        Assert.That(walked.StandardError, Does.Contain("the file name is not valid UTF-8").And.Contain("convmv -f gbk -t utf8"));
        Assert.That(await Rows(database, "SELECT log = 'ok.log', error IS NULL FROM logs ORDER BY 1"), Is.EqualTo(new[] { "false,false", "true,true" }), "ok.log is read");
        Assert.That(namedExit, Is.EqualTo(2));
        Assert.That(namedError, Does.Contain("the file name is not valid UTF-8").And.Not.Contain("no such file"));
    }
}
