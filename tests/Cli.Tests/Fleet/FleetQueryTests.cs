namespace Conformance.Cli.Tests.Fleet;

/// <summary><c>fleet query</c> and <c>fleet report</c> on a small database: queries without a statement, with several, with no rows.</summary>
public sealed class FleetQueryTests : TemporaryFolder
{
    private string _database = "";

    [SetUp]
    public async Task Ingest()
    {
        _database = Path.Combine(Folder, "f.duckdb");
        var log = Write("logs/good.log", "[2024-01-02 10:11:12.000] AT+CSQ\r\n[2024-01-02 10:11:12.050] +CSQ: 20,99\r\n[2024-01-02 10:11:12.051] OK\r\n");
        var run = await ConformanceProcess.RunAsync(null, "fleet", log, "--db", _database);
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
    }

    [TestCase("")]
    [TestCase("   \n\t")]
    [TestCase("-- the question comes later\n")]
    [TestCase("/* nothing yet */ ;")]
    public async Task A_query_without_a_statement_is_a_usage_error_that_says_so(string sql)
    {
        var run = await ConformanceProcess.RunAsync(null, "fleet", "query", _database, sql);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Contain("the query holds no SQL statement").And.Not.Contain("External component"));
    }

    [Test]
    public async Task Every_statement_of_a_query_shows_its_result_and_csv_refuses_more_than_one()
    {
        var tables = await ConformanceProcess.RunAsync(null, "fleet", "query", _database, "SELECT count(*) AS logs FROM logs; SELECT name AS command FROM exchanges");
        var csv = await ConformanceProcess.RunAsync(null, "fleet", "query", _database, "SELECT 1 AS first; SELECT 2 AS second", "--csv");

        Assert.That(tables.ExitCode, Is.Zero, tables.StandardError);
        Assert.That(tables.StandardOutput, Does.Contain("logs").And.Contain("command").And.Contain("AT+CSQ"));
        Assert.That(csv.ExitCode, Is.EqualTo(2));
        Assert.That(csv.StandardError, Does.Contain("--csv prints one result, and the query has 2 statements"));
        Assert.That(csv.StandardOutput, Is.Empty);
    }

    [Test]
    public async Task An_empty_result_shows_its_columns_and_no_rows_in_query_and_report()
    {
        var query = await ConformanceProcess.RunAsync(null, "fleet", "query", _database, "SELECT log, commands FROM logs WHERE commands > 100");
        var report = await ConformanceProcess.RunAsync(null, "fleet", "report", _database);

        Assert.That(query.ExitCode, Is.Zero, query.StandardError);
        Assert.That(query.StandardOutput, Does.Contain("log").And.Contain("commands").And.Contain("(no rows)").And.Not.Contain(": none"));
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        var storms = report.StandardOutput[report.StandardOutput.IndexOf("Reconnection storms per device", StringComparison.Ordinal)..];
        Assert.That(storms, Does.Contain("reconnections").And.Contain("(no rows)"), "the question's columns, then no rows");
    }

    [Test]
    public async Task Escape_sequences_of_a_log_are_shown_as_escapes_on_the_console_and_kept_in_csv_and_html()
    {
        // A firmware answer that would clear the screen and retitle the window.
        const string firmware = "FW\u001b[2J\u001b]0;pwned\u0007v1";
        var database = Path.Combine(Folder, "escapes.duckdb");
        var log = Write("logs/escapes.log", $"[2024-01-02 10:11:12.000] AT+CGMR\r\n[2024-01-02 10:11:12.050] +CGMR: {firmware}\r\n[2024-01-02 10:11:12.051] OK\r\n");
        var html = Path.Combine(Folder, "report.html");
        var ingest = await ConformanceProcess.RunAsync(null, "fleet", log, "--db", database);

        var query = await ConformanceProcess.RunAsync(null, "fleet", "query", database, "SELECT firmware, information FROM logs, exchanges");
        var report = await ConformanceProcess.RunAsync(null, "fleet", "report", database, "--html", html);
        var csv = await ConformanceProcess.RunAsync(null, "fleet", "query", database, "SELECT firmware FROM logs", "--csv");
        var refused = await ConformanceProcess.RunAsync(null, "fleet", "query", database, "SELECT CAST(firmware AS INTEGER) FROM logs");

        Assert.That(ingest.ExitCode, Is.Zero, ingest.StandardError);
        foreach (var console in new[] { query.StandardOutput, report.StandardOutput, refused.StandardError })
        {
            Assert.That(console, Does.Contain(@"FW\x1b[2J\x1b]0;pwned\x07v1"));
            Assert.That(console.IndexOfAny(['\u001b', '\u0007']), Is.EqualTo(-1), "no control character reaches the terminal");
        }
        Assert.That(query.StandardOutput, Does.Contain(@"+CGMR: FW\x1b[2J"));
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(csv.StandardOutput.Contains(firmware, StringComparison.Ordinal), Is.True, "CSV keeps the text as stored");
        Assert.That((await File.ReadAllTextAsync(html)).Contains(firmware, StringComparison.Ordinal), Is.True, "so does HTML, which encodes markup only");
    }

    [TestCase("report")]
    [TestCase("query")]
    public async Task A_full_disk_under_standard_output_is_named_as_standard_output_not_the_database(string verb)
    {
        string[] args = verb == "report" ? ["fleet", "report", _database] : ["fleet", "query", _database, "SELECT * FROM logs", "--csv"];
        var (exit, _, error) = await ConformanceProcess.RunIntoAsync("/dev/full", args);

        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Is.EqualTo("conformance: cannot write to standard output: No space left on device\n"));
    }

    [Test]
    public async Task A_query_of_many_rows_shows_the_first_50_on_the_console_and_csv_prints_them_all()
    {
        const string Sql = "SELECT range AS n FROM range(120)";
        var console = await ConformanceProcess.RunAsync(null, "fleet", "query", _database, Sql);
        var csv = await ConformanceProcess.RunAsync(null, "fleet", "query", _database, Sql, "--csv");

        Assert.That(console.ExitCode, Is.Zero, console.StandardError);
        Assert.That(console.StandardOutput, Does.Contain("│ 49 ").And.Not.Contain("│ 50 "));
        Assert.That(console.StandardOutput, Does.Contain("… 70 more rows not shown; --csv prints them all (120)"));
        Assert.That(csv.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(121), "a header and every row");
    }
}
