using DuckDB.NET.Data;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// The same traffic in a Tera Term log (milliseconds) and a serial tool's CSV export (seconds with seven digits): the
/// Parquet <c>exchanges</c> and the fleet database hold the same whole-millisecond latencies for both.
/// </summary>
public sealed class FleetLatencyTests : TemporaryFolder
{
    private const string TeraTerm = "[2026-11-30 14:00:00.100] AT+CSQ\r\n[2026-11-30 14:00:00.180] +CSQ: 20,99\r\n[2026-11-30 14:00:00.190] OK\r\n" +
        "[2026-11-30 14:00:01.000] AT+CGATT?\r\n[2026-11-30 14:00:01.050] +CGATT: 1\r\n[2026-11-30 14:00:01.057] OK\r\n";

    private const string Export = "time,dir,data\n0.1004567,TX,AT+CSQ\n0.1806234,RX,\"+CSQ: 20,99\"\n0.1903999,RX,OK\n" +
        "1.0000012,TX,AT+CGATT?\n1.0498870,RX,+CGATT: 1\n1.0573001,RX,OK\n";

    [Test]
    public async Task A_fractional_second_export_and_a_tera_term_log_give_the_same_latencies_in_parquet_and_the_database()
    {
        Write("logs/tera.log", TeraTerm);
        Write("logs/export.csv", Export);
        var parquet = Path.Combine(Folder, "parquet");
        var database = Path.Combine(Folder, "fleet.duckdb");

        var analyze = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(Folder, "logs"), "--parquet", parquet);
        var ingest = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);

        Assert.That(analyze.ExitCode, Is.Zero, analyze.StandardError);
        Assert.That(ingest.ExitCode, Is.Zero, ingest.StandardError);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT log, command, latency_ms FROM read_parquet('{Path.Combine(parquet, "exchanges")}/*/*.parquet', hive_partitioning = true) ORDER BY log, line";
        var rows = new List<string>();
        using (var reader = query.ExecuteReader())
            while (reader.Read()) rows.Add($"{reader.GetString(0)},{reader.GetString(1)},{reader.GetDouble(2)}");
        var expected = new[] { "export.csv,AT+CSQ,90", "export.csv,AT+CGATT?,57", "tera.log,AT+CSQ,90", "tera.log,AT+CGATT?,57" };
        Assert.That(rows, Is.EqualTo(expected));
        var stored = await Query(database, "SELECT log, command, latency_ms FROM exchanges ORDER BY log, line");
        Assert.That(stored.Select(row => string.Join(',', row)), Is.EqualTo(expected));
    }
}
