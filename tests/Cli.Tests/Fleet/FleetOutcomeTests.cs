using Conformance.Fleet.Ingest;

namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// A final result is counted in one form however a log wrote it (<c>exchanges.outcome</c>), so "error codes over time"
/// has one row per code; a database an earlier version wrote gets the column.
/// </summary>
public sealed class FleetOutcomeTests : TemporaryFolder
{
    // Written as a support engineer pastes a session: spacing, notes after the code, the verbose form, ATV0's numbers.
    private const string Mixed =
        "AT+MQTTPUB=\"$dp\",1,0,0,0,\"hi\"\r\n+CME ERROR:652\r\n" +
        "AT+MQTTPUB=\"$dp\",1,0,0,0,\"hi\"\r\n+CME ERROR: 652        (uplink busy)\r\n" +
        "AT+MQTTPUB=\"$dp\",1,0,0,0,\"hi\"\r\n+CME ERROR: 652\r\n" +
        "AT+MQTTDISC\r\nERROR\r\n" +
        "ATV0\r\n0\r\n" +
        "AT+MQTTSUB=\"dev/cmd\",2\r\n4\r\n";

    private static IReadOnlyList<LogRow> Ingest(string database, string folder)
    {
        var logs = LogInputs.Find([folder]);
        return FleetIngest.Run(database, logs, 1, new FleetOptions(null, false), new IngestProgress(logs.Count, 0), _ => { }, CancellationToken.None);
    }

    [Test]
    public async Task Each_code_is_one_outcome_however_the_log_wrote_it()
    {
        Write("in/mixed.log", Mixed);
        var database = Path.Combine(Folder, "f.duckdb");

        Ingest(database, Path.Combine(Folder, "in"));

        var outcomes = await Query(database, "SELECT outcome, count(*) FROM exchanges GROUP BY outcome ORDER BY outcome");
        Assert.That(outcomes.Select(row => $"{row[0]} ×{row[1]}"), Is.EqualTo(new[] { "+CME ERROR: 652 ×3", "ERROR ×2", "OK ×1" }));
        var finals = await Query(database, "SELECT final FROM exchanges ORDER BY line");
        Assert.That(finals.Select(row => row[0]), Does.Contain("+CME ERROR: 652        (uplink busy)"), "final keeps the line as received");
    }

    [Test]
    public async Task A_database_an_earlier_version_wrote_gets_the_column_and_keeps_its_rows()
    {
        var database = Path.Combine(Folder, "old.duckdb");
        Write("in/mixed.log", Mixed);
        Ingest(database, Path.Combine(Folder, "in"));
        // As the version before the column wrote it.
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={database}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE exchanges DROP COLUMN outcome";
            drop.ExecuteNonQuery();
        }
        Write("more/later.log", "AT+CSQ\r\n+CSQ: 20,99\r\nOK\r\n");

        Ingest(database, Path.Combine(Folder, "more"));

        var rows = await Query(database, "SELECT log, outcome FROM exchanges ORDER BY log, line");
        Assert.That(rows.Count(row => row[0] == "mixed.log"), Is.EqualTo(6), "the old rows are kept");
        Assert.That(rows.Where(row => row[0] == "mixed.log").Select(row => row[1]), Is.All.Null.Or.Empty, "old rows have no outcome");
        Assert.That(rows.Single(row => row[0] == "later.log")[1], Is.EqualTo("OK"));
    }
}
