namespace Conformance.Cli.Tests.Fleet;

/// <summary>Bad input to <c>analyze --parquet</c> and <c>fleet</c>: a clear message and exit code 2, nothing of the user's touched.</summary>
public sealed class FleetUsageTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("fleet-usage-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task An_input_that_names_nothing_is_a_usage_error()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(_directory, "missing", "*.log"), "--parquet", Path.Combine(_directory, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("missing").And.Contain("no such file"));
    }

    [Test]
    public async Task Parquet_into_a_folder_holding_other_files_is_refused_and_the_files_stay()
    {
        var log = Path.Combine(_directory, "a.log");
        await File.WriteAllTextAsync(log, "AT\r\n\r\nOK\r\n");
        var output = Directory.CreateDirectory(Path.Combine(_directory, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(output, "notes.txt"), "mine");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", output);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("notes.txt"));
        Assert.That(Directory.GetFileSystemEntries(output).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }));
    }

    [Test]
    public async Task Parquet_with_a_one_log_report_option_is_a_usage_error()
    {
        var log = Path.Combine(_directory, "a.log");
        await File.WriteAllTextAsync(log, "AT\r\n\r\nOK\r\n");

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", Path.Combine(_directory, "out"), "--html", Path.Combine(_directory, "r.html"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("--html"));
    }

    [Test]
    public async Task Report_and_query_of_a_missing_database_or_bad_sql_are_usage_errors()
    {
        var log = Path.Combine(_directory, "a.log");
        await File.WriteAllTextAsync(log, "AT\r\n\r\nOK\r\n");
        var database = Path.Combine(_directory, "f.duckdb");
        var ingest = await ConformanceProcess.RunAsync(null, "fleet", log, "--db", database);

        var missing = await ConformanceProcess.RunAsync(null, "fleet", "report", Path.Combine(_directory, "none.duckdb"));
        var bad = await ConformanceProcess.RunAsync(null, "fleet", "query", database, "SELECT nothing FROM nowhere");

        Assert.That(ingest.ExitCode, Is.Zero, ingest.StandardError);
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.StandardError, Does.Contain("none.duckdb: no such fleet database"));
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.StandardError, Does.Contain("nowhere"));
    }
}
