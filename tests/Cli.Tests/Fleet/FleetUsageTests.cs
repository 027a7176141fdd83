using DuckDB.NET.Data;
namespace Conformance.Cli.Tests.Fleet;

/// <summary>Bad input to <c>analyze --parquet</c> and <c>fleet</c>: a clear message and exit code 2, nothing of the user's touched.</summary>
public sealed class FleetUsageTests : TemporaryFolder
{
    [Test]
    public async Task An_input_that_names_nothing_is_a_usage_error()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(Folder, "missing", "*.log"), "--parquet", Path.Combine(Folder, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("missing").And.Contain("no such file"));
    }

    [Test]
    public async Task Parquet_into_a_folder_holding_other_files_is_refused_and_the_files_stay()
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");
        var output = Directory.CreateDirectory(Path.Combine(Folder, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(output, "notes.txt"), "mine");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", output);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("notes.txt"));
        Assert.That(Directory.GetFileSystemEntries(output).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }));
    }

    [TestCase("--html", "r.html")]
    [TestCase("--follow", null)]
    public async Task Parquet_with_a_one_log_option_is_a_usage_error(string option, string? value)
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");
        string[] extra = value is null ? [option] : [option, Path.Combine(Folder, value)];

        var run = await ConformanceProcess.RunAsync(null, ["analyze", log, "--parquet", Path.Combine(Folder, "out"), .. extra]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain(option));
        Assert.That(Directory.Exists(Path.Combine(Folder, "out")), Is.False, "nothing written");
    }

    [Test]
    public async Task Report_and_query_of_a_missing_database_or_bad_sql_are_usage_errors()
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");
        var database = Path.Combine(Folder, "f.duckdb");
        var ingest = await ConformanceProcess.RunAsync(null, "fleet", log, "--db", database);

        var missing = await ConformanceProcess.RunAsync(null, "fleet", "report", Path.Combine(Folder, "none.duckdb"));
        var bad = await ConformanceProcess.RunAsync(null, "fleet", "query", database, "SELECT nothing FROM nowhere");

        Assert.That(ingest.ExitCode, Is.Zero, ingest.StandardError);
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.StandardError, Does.Contain("none.duckdb: no such fleet database"));
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.StandardError, Does.Contain("nowhere"));
    }

    [Test]
    public async Task Standard_input_is_one_log_not_a_fleet()
    {
        var run = await ConformanceProcess.RunAsync("AT\r\n\r\nOK\r\n"u8.ToArray(), "analyze", "-", "--parquet", Path.Combine(Folder, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("standard input is one log").And.Contain("without --parquet"));
    }

    /// <summary>Another application's DuckDB file named by mistake: refused, and left as it was.</summary>
    [Test]
    public async Task Ingest_into_another_applications_database_is_refused_and_adds_nothing_to_it()
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");
        var database = Path.Combine(Folder, "sensors.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={database}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE readings (taken TIMESTAMP, value DOUBLE)";
            create.ExecuteNonQuery();
        }

        var run = await ConformanceProcess.RunAsync(null, "fleet", log, "--db", database);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("sensors.duckdb: is a DuckDB database of something else (tables readings)"));
        var tables = await ConformanceProcess.RunAsync(null, "fleet", "query", database, "SELECT table_name FROM information_schema.tables", "--csv");
        Assert.That(tables.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r')), Is.EqualTo(new[] { "readings" }));
    }

    /// <summary>What a user names instead of the database: the --parquet folder, a Parquet file of it, a log.</summary>
    [Test]
    public async Task Report_of_a_folder_a_parquet_file_or_a_log_says_what_it_is()
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");
        var output = Path.Combine(Folder, "out");
        var export = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", output);
        var parquet = Directory.EnumerateFiles(output, "*.parquet", SearchOption.AllDirectories).First();

        var folder = await ConformanceProcess.RunAsync(null, "fleet", "report", output);
        var file = await ConformanceProcess.RunAsync(null, "fleet", "query", parquet, "SELECT 1");
        var text = await ConformanceProcess.RunAsync(null, "fleet", "report", log);

        Assert.That(export.ExitCode, Is.Zero, export.StandardError);
        Assert.That((folder.ExitCode, file.ExitCode, text.ExitCode), Is.EqualTo((2, 2, 2)));
        Assert.That(folder.StandardError, Does.Contain("out: is a folder, not a fleet database").And.Contain("read_parquet"));
        Assert.That(file.StandardError, Does.Contain("is a Parquet file, not a fleet database"));
        Assert.That(text.StandardError, Does.Contain("a.log: is not a fleet database"));
    }

    [Test]
    public async Task An_empty_parquet_folder_name_is_a_usage_error_before_any_log_is_read()
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", "");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("--parquet: the folder name is empty"));
        Assert.That(run.StandardError, Does.Not.Contain("1 logs").And.Not.Contain("Unhandled"));
    }

    [Test]
    public async Task A_parquet_folder_that_cannot_be_made_is_refused_before_any_log_is_read()
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");
        // Below a file no folder can be made, also for root (a folder without write permission stops other users alike).
        var file = Write("file", "");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", Path.Combine(file, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("--parquet").And.Contain("cannot create the folder"));
        Assert.That(run.StandardError, Does.Not.Contain("1 logs"), "no log read first");
    }

    [Test]
    public async Task A_semicolon_in_the_database_path_or_the_temporary_folder_is_part_of_the_path()
    {
        var log = Write("a.log", "AT\r\n\r\nOK\r\n");
        var database = Path.Combine(Folder, "site;v=2.duckdb");
        var temporary = Directory.CreateDirectory(Path.Combine(Folder, "tmp;x")).FullName;

        var ingest = await ConformanceProcess.RunAsync(null, "fleet", log, "--db", database);
        var query = await ConformanceProcess.RunAsync(null, "fleet", "query", database, "SELECT log FROM logs", "--csv");
        var report = await ConformanceProcess.RunAsync(null, "fleet", "report", database);
        var export = await ConformanceProcess.RunAsync(null, new Dictionary<string, string> { ["TMPDIR"] = temporary },
            "analyze", log, "--parquet", Path.Combine(Folder, "out"));

        Assert.That(ingest.ExitCode, Is.Zero, ingest.StandardError);
        Assert.That(File.Exists(database), Is.True, "the database is the file named, not one cut at the ';'");
        Assert.That(query.ExitCode, Is.Zero, query.StandardError);
        Assert.That(query.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')), Is.EqualTo(new[] { "log", "a.log" }));
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        Assert.That(export.ExitCode, Is.Zero, export.StandardError);
        Assert.That(File.Exists(Path.Combine(Folder, "out", "logs", "day=undated", "data_0.parquet")), Is.True);
        Assert.That(Directory.GetFileSystemEntries(temporary), Is.Empty, "the scratch database was made there and deleted");
    }
}
