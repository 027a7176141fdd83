using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Timeline;
using DuckDB.NET.Data;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// 220 logs of a fleet in mixed formats through <c>analyze --parquet</c> and <c>fleet --db</c>, run as a user
/// would: the Parquet read back with DuckDB holds what each log analysed alone holds, the broken log is an error
/// row, and <c>fleet report</c> names the planted storm device and slow firmware.
/// </summary>
[NonParallelizable]
public sealed class FleetTests
{
    private string _directory = "";
    private string Logs => Path.Combine(_directory, "logs");
    private string Parquet => Path.Combine(_directory, "parquet");
    private string Database => Path.Combine(_directory, "fleet.duckdb");
    private ConformanceProcess.Result _analyze = null!, _ingest = null!;

    [OneTimeSetUp]
    public async Task AnalyseTheFleet()
    {
        _directory = Directory.CreateTempSubdirectory("fleet-").FullName;
        GeneratedFleet.Write(Logs);
        _analyze = await ConformanceProcess.RunAsync(null, "analyze", Logs, "--parquet", Parquet, "--jobs", "2");
        _ingest = await ConformanceProcess.RunAsync(null, "fleet", Logs, "--db", Database);
    }

    [OneTimeTearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    /// <summary>Rows of <paramref name="sql"/> over the Parquet output, each table a view reading its folder with hive partitions.</summary>
    private List<object?[]> ReadParquet(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var table in new[] { "logs", "exchanges", "urcs", "diagnostics", "sessions", "reconnections", "data_points" })
        {
            using var view = connection.CreateCommand();
            view.CommandText = $"CREATE VIEW {table} AS SELECT * FROM read_parquet('{Path.Combine(Parquet, table)}/*/*.parquet', hive_partitioning = true)";
            view.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        return rows;
    }

    [Test]
    public void Analyze_parquet_reads_every_log_and_exits_1_for_the_broken_one()
    {
        Assert.That(_analyze.ExitCode, Is.EqualTo(1), _analyze.StandardError);
        Assert.That(_analyze.StandardError, Does.Contain($"{GeneratedFleet.BrokenLog}:").And.Contain($"{GeneratedFleet.Logs} logs"));
        Assert.That(ReadParquet("SELECT count(*) FROM logs")[0][0], Is.EqualTo(GeneratedFleet.Logs));
    }

    [Test]
    public void The_broken_gzip_log_is_an_error_row_with_no_rows_elsewhere()
    {
        var failed = ReadParquet("SELECT log, error, commands FROM logs WHERE error IS NOT NULL");

        Assert.That(failed, Has.Count.EqualTo(1));
        Assert.That(failed[0][0], Is.EqualTo(GeneratedFleet.BrokenLog));
        Assert.That(failed[0][1] as string, Does.Contain("gzip").IgnoreCase, "the error says what is wrong");
        Assert.That(failed[0][2], Is.Null, "no counts for a log that could not be read");
        Assert.That(ReadParquet($"SELECT count(*) FROM exchanges WHERE log = '{GeneratedFleet.BrokenLog}'")[0][0], Is.Zero,
            "the rows read before the damage are not kept");
    }

    [Test]
    public void Parquet_holds_what_each_log_analysed_alone_holds()
    {
        var tables = ReadParquet("""
            SELECT l.log, l.files, l.commands, l.urcs, l.diagnostics, l.reconnects,
                (SELECT count(*) FROM exchanges e WHERE e.log = l.log), (SELECT count(*) FROM urcs u WHERE u.log = l.log),
                (SELECT count(*) FROM diagnostics d WHERE d.log = l.log), (SELECT count(*) FROM reconnections r WHERE r.log = l.log),
                (SELECT count(*) FROM sessions s WHERE s.log = l.log), (SELECT count(*) FROM data_points p WHERE p.log = l.log)
            FROM logs l WHERE l.error IS NULL ORDER BY l.log
            """);

        Assert.That(tables, Has.Count.EqualTo(GeneratedFleet.Logs - 1));
        foreach (var row in tables)
        {
            // As `analyze` reads it: the log's format decides what is judged (a raw capture's line ends).
            var alone = TimelineBuilder.Analyze(LogSource.Open(((string)row[1]!).Split('\n')), new AnalysisOptions());
            var summary = alone.Summary;
            Assert.That(summary.Omitted, Is.Zero, "every item of a small log is listed");
            var expected = new object[]
            {
                summary.Commands, summary.Urcs, summary.Diagnostics, summary.Reconnects,
                summary.Commands, summary.Urcs, summary.Diagnostics, summary.Reconnects,
                alone.StateChanges.Count, alone.DataPoints.Sum(p => p.Points.Count),
            };
            Assert.That(row[2..].Select(Convert.ToInt64), Is.EqualTo(expected.Select(Convert.ToInt64)), (string)row[0]!);
        }
    }

    [Test]
    public void Parquet_is_partitioned_by_the_day_of_each_log_and_undated_logs_have_their_own_partition()
    {
        var days = Directory.GetDirectories(Path.Combine(Parquet, "exchanges")).Select(Path.GetFileName).Order().ToList();

        Assert.That(days, Is.EqualTo(new[] { "day=2026-03-01", "day=2026-03-02", "day=2026-03-03", "day=2024-05-06", "day=2024-05-14", "day=2024-07-19", "day=2026-11-30", "day=undated" }.Order()));
        // SSCOM logs stamp the time of day only: no real date, so undated.
        Assert.That(ReadParquet("SELECT DISTINCT CAST(day AS VARCHAR) FROM logs WHERE format = 'sscom'").Select(r => r[0]), Is.EqualTo(new[] { "undated" }));
    }

    [Test]
    public void A_gateways_own_log_format_is_read_as_any_loggers_with_its_commands_and_dates()
    {
        // The loguru logs of the generated devices: no tool is named for them.
        var loguru = ReadParquet("SELECT count(*), min(commands), count(DISTINCT day) FROM logs WHERE format = 'logger' AND log LIKE '%device-%'").Single();

        Assert.That(Convert.ToInt64(loguru[0]), Is.GreaterThanOrEqualTo(20));
        Assert.That(Convert.ToInt64(loguru[1]), Is.GreaterThan(0));
        Assert.That(Convert.ToInt64(loguru[2]), Is.EqualTo(3));
    }

    [Test]
    public void A_rotated_log_is_one_log_of_two_files_oldest_first()
    {
        var rotated = ReadParquet($"SELECT files, commands, device FROM logs WHERE log = '{GeneratedFleet.RotatedLog}'");

        Assert.That(rotated, Has.Count.EqualTo(1));
        Assert.That(((string)rotated[0][0]!).Split('\n').Select(Path.GetFileName), Is.EqualTo(new[] { "device-013.log.1", "device-013.log" }));
        Assert.That(rotated[0][2], Is.EqualTo(GeneratedFleet.Imei(13)), "the IMEI read at the start of the older file");
        Assert.That(ReadParquet($"SELECT count(*) FROM logs WHERE log LIKE '{GeneratedFleet.RotatedLog}.%'")[0][0], Is.Zero);
    }

    [Test]
    public void Every_generated_log_names_its_device_and_firmware()
    {
        var devices = ReadParquet("SELECT device, firmware FROM logs WHERE log LIKE 'province-%' AND error IS NULL");

        Assert.That(devices, Has.Count.EqualTo(GeneratedFleet.Generated));
        Assert.That(GeneratedFleet.Generated, Is.GreaterThan(100), "a fleet, not a handful: the field corpus takes its place");
        Assert.That(devices.Select(d => d[0] as string), Has.All.Match("^8612340[0-9]{8}$"));
        Assert.That(devices.Select(d => d[1]).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task Fleet_report_shows_the_storm_device_and_the_slow_firmware_first()
    {
        Assert.That(_ingest.ExitCode, Is.EqualTo(1), _ingest.StandardError);
        var html = Path.Combine(_directory, "report.html");

        var report = await ConformanceProcess.RunAsync(null, "fleet", "report", Database, "--html", html);

        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        var output = report.StandardOutput;
        var storms = output[output.IndexOf("Reconnection storms per device", StringComparison.Ordinal)..];
        var firstStormRow = storms.Split('\n').First(line => line.Contains("8612340", StringComparison.Ordinal) || line.Contains(".log", StringComparison.Ordinal));
        Assert.That(firstStormRow, Does.Contain(GeneratedFleet.StormImei));
        var latency = output[output.IndexOf("Latency per command and firmware", StringComparison.Ordinal)..];
        var firstLatencyRow = latency.Split('\n').First(line => line.Contains("AT+", StringComparison.Ordinal));
        Assert.That(firstLatencyRow, Does.Contain("AT+MQTTOPEN").And.Contain(GeneratedFleet.SlowFirmware));
        Assert.That(output, Does.Contain($"{GeneratedFleet.Logs} logs (1 unreadable)"));
        var page = await File.ReadAllTextAsync(html);
        Assert.That(page, Does.Contain("<h2>Reconnection storms per device</h2>").And.Contain(GeneratedFleet.StormImei).And.Contain(GeneratedFleet.SlowFirmware));
    }

    [Test]
    public async Task Fleet_query_prints_any_query_also_as_csv()
    {
        var run = await ConformanceProcess.RunAsync(null, "fleet", "query", Database,
            "SELECT firmware, count(*) AS logs FROM logs WHERE log LIKE 'province-%' AND firmware IS NOT NULL GROUP BY firmware ORDER BY firmware", "--csv");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lines[0], Is.EqualTo("firmware,logs"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "M5310A_V1.1.2", "M5310A_V1.2.0", GeneratedFleet.SlowFirmware }));
    }

    [Test]
    public async Task Ingesting_a_log_again_replaces_its_rows()
    {
        var copy = Path.Combine(_directory, "again.duckdb");
        var one = Path.Combine(Logs, "province-1", "device-001.log");
        await ConformanceProcess.RunAsync(null, "fleet", one, "--db", copy);

        var again = await ConformanceProcess.RunAsync(null, "fleet", one, "--db", copy);
        var count = await ConformanceProcess.RunAsync(null, "fleet", "query", copy, "SELECT count(*) AS n FROM logs", "--csv");

        Assert.That(again.ExitCode, Is.Zero, again.StandardError);
        Assert.That(count.StandardOutput.Split('\n')[1].Trim(), Is.EqualTo("1"));
    }
}
