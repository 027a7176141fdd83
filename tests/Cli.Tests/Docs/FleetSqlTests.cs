using System.Text.RegularExpressions;
using Conformance.Fleet.Questions;
using Conformance.Fleet.Storage;
using DuckDB.NET.Data;

namespace Conformance.Cli.Tests.Docs;

/// <summary>
/// The SQL of docs/fleet.md runs as written: its DuckDB views read the <c>--parquet</c> output, and each of its
/// standard questions answers, over the Parquet and over a <c>fleet --db</c> database, what <c>fleet report</c>
/// answers. The fleet is three hand-written logs: a dated logger's log with a reconnection storm, an undated
/// SSCOM capture, and a file that is no log.
/// </summary>
[NonParallelizable]
public sealed partial class FleetSqlTests
{
    private string _folder = "";
    private string Database => Path.Combine(_folder, "fleet.duckdb");
    private string Parquet => Path.Combine(_folder, "out");

    /// <summary>A statement of a <c>```sql</c> block with the dialect its comment names (DuckDB, Spark SQL or both).</summary>
    private sealed record Statement(int Line, bool DuckDb, string Sql)
    {
        public override string ToString() => $"docs/fleet.md:{Line}: {Sql}";
    }

    [GeneratedRegex(@"^```sql\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SqlBlock();

    private static List<Statement> Statements()
    {
        var doc = File.ReadAllText(Documentation.Path("fleet.md")).ReplaceLineEndings("\n");
        var statements = new List<Statement>();
        foreach (Match block in SqlBlock().Matches(doc))
        {
            var line = doc[..block.Index].Count(c => c == '\n') + 2;
            var body = block.Groups["body"].Value;
            // A block names its dialect in a comment ("-- DuckDB", "-- Spark SQL", "-- DuckDB and Spark SQL alike");
            // the views of the Parquet say theirs by what they read with.
            var duckDb = !body.Contains("USING parquet", StringComparison.Ordinal);
            var text = new List<string>();
            var start = line;
            foreach (var row in body.Split('\n'))
            {
                if (row.StartsWith("--", StringComparison.Ordinal)) duckDb = row.Contains("DuckDB", StringComparison.Ordinal);
                else if (row.Trim().Length > 0)
                {
                    if (text.Count == 0) start = line;
                    text.Add(row);
                    if (row.TrimEnd().EndsWith(';'))
                    {
                        statements.Add(new Statement(start, duckDb, string.Join('\n', text).TrimEnd().TrimEnd(';')));
                        text.Clear();
                    }
                }
                line++;
            }
            Assert.That(text, Is.Empty, $"a statement of the block at docs/fleet.md:{line} ends with ';'");
        }
        return statements;
    }

    private static List<Statement> Views => [.. Statements().Where(s => s.DuckDb && s.Sql.StartsWith("CREATE VIEW", StringComparison.Ordinal))];

    private static List<Statement> Questions => [.. Statements().Where(s => s.DuckDb && !s.Sql.StartsWith("CREATE", StringComparison.Ordinal))];

    [OneTimeSetUp]
    public async Task MakeTheFleet()
    {
        _folder = Directory.CreateTempSubdirectory("fleet-docs-").FullName;
        var logs = Path.Combine(_folder, "logs");
        Directory.CreateDirectory(Path.Combine(logs, "site-1"));
        Directory.CreateDirectory(Path.Combine(logs, "site-2"));
        await File.WriteAllTextAsync(Path.Combine(logs, "site-1", "gw-7.log"), GatewayLog);
        await File.WriteAllTextAsync(Path.Combine(logs, "site-2", "modem.log"), SscomCapture);
        await File.WriteAllBytesAsync(Path.Combine(logs, "site-2", "firmware.bin"), [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0, 0, 0, 0xff, 0xfe, 0x03, 0x04, 0x1b, 0x10, 0x11, 0x12]);

        var ingest = await ConformanceProcess.RunAsync(null, "fleet", logs, "--db", Database);
        Assert.That(ingest.ExitCode, Is.EqualTo(1), ingest.StandardError);
        var export = await ConformanceProcess.RunAsync(null, "analyze", logs, "--parquet", Parquet);
        Assert.That(export.ExitCode, Is.EqualTo(1), export.StandardError);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static List<string> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>An in-memory database with the doc's views over the Parquet output, its <c>out/</c> being this fleet's.</summary>
    private DuckDBConnection OverParquet()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var view in Views)
        {
            using var command = connection.CreateCommand();
            command.CommandText = view.Sql.Replace("'out/", $"'{Parquet}/", StringComparison.Ordinal);
            command.ExecuteNonQuery();
        }
        return connection;
    }

    [Test]
    public void The_docs_give_a_duckdb_view_of_the_parquet_for_each_table_their_questions_read()
    {
        Assert.That(Views.Select(v => v.Sql.Split(' ')[2]), Is.EquivalentTo(new[] { FleetTables.Logs, FleetTables.Exchanges, FleetTables.Diagnostics }));
        using var connection = OverParquet();
        Assert.That(Rows(connection, "SELECT log, day, error IS NULL FROM logs ORDER BY log"), Is.EqualTo(new[]
        {
            "site-1/gw-7.log | 2026-03-01 | True",
            "site-2/firmware.bin | undated | False",
            "site-2/modem.log | undated | True",
        }));
    }

    [Test]
    public void Each_question_of_the_docs_answers_as_fleet_report_does_over_the_database_and_the_parquet()
    {
        Assert.That(Questions, Has.Count.EqualTo(StandardQuestions.All.Count), "docs/fleet.md gives each standard question in DuckDB SQL, in order");
        using var database = FleetDatabase.Open(Database, readOnly: true);
        using var parquet = OverParquet();
        foreach (var (question, (title, sql)) in Questions.Zip(StandardQuestions.All))
        {
            var report = Rows(database, sql);
            Assert.That(report, Is.Not.Empty, $"the fleet has an answer to '{title}'");
            Assert.That(Rows(database, question.Sql), Is.EqualTo(report), $"{question} over the database");
            Assert.That(Rows(parquet, question.Sql), Is.EqualTo(report), $"{question} over the Parquet");
        }
    }

    [Test]
    public async Task Every_fleet_query_example_of_the_docs_runs_on_a_fleet_database()
    {
        var examples = DocumentedCommands.All.Where(line => line.Verb == "fleet query" && line.InBlock).ToList();
        Assert.That(examples, Is.Not.Empty);
        foreach (var example in examples)
        {
            var words = example.Words.ToList();
            words[3] = Database;
            var run = await ConformanceProcess.RunAsync(null, [.. words.Skip(1)]);
            Assert.That(run.ExitCode, Is.Zero, $"{example}: {run.StandardError}");
            Assert.That(run.StandardOutput, Is.Not.Empty, example.ToString());
        }
    }

    // A gateway's logger: dated stamps, IMEI and revision asked, a storm of three reconnections, a refused subscribe and publish.
    private const string GatewayLog = """
        [2026-03-01 08:00:00.100] AT+CGSN=1
        [2026-03-01 08:00:00.130] +CGSN: 869976030001234
        [2026-03-01 08:00:00.131] OK
        [2026-03-01 08:00:00.200] AT+CGMR
        [2026-03-01 08:00:00.240] M5310-A_V1.2.3
        [2026-03-01 08:00:00.241] OK
        [2026-03-01 08:00:01.000] AT+MQTTCFG="183.230.40.39",6002,"40213547",120,"168649","secretkey123",1
        [2026-03-01 08:00:01.050] OK
        [2026-03-01 08:00:01.100] AT+MQTTOPEN=1,1,0,0,0,"",""
        [2026-03-01 08:00:01.400] OK
        [2026-03-01 08:00:02.900] +MQTTOPEN: OK
        [2026-03-01 08:00:03.000] AT+MQTTSUB="led2",1
        [2026-03-01 08:00:03.210] OK
        [2026-03-01 08:00:03.500] +MQTTSUBACK: 1,1,"led2"
        [2026-03-01 08:01:00.000] +MQTTREC: 0
        [2026-03-01 08:01:05.000] +MQTTOPEN: OK
        [2026-03-01 08:02:00.000] +MQTTREC: 0
        [2026-03-01 08:02:05.000] +MQTTOPEN: OK
        [2026-03-01 08:03:00.000] +MQTTREC: 0
        [2026-03-01 08:03:05.000] +MQTTOPEN: OK
        [2026-03-01 08:04:00.000] AT+MQTTSUB="led3",2
        [2026-03-01 08:04:00.090] +CME ERROR: 651
        [2026-03-01 08:04:30.000] AT+MQTTPUB="led3",1,0,0,0,"on"
        [2026-03-01 08:04:30.120] +CME ERROR: 652
        [2026-03-01 08:05:00.000] AT+MQTTSTAT?
        [2026-03-01 08:05:00.040] +MQTTSTAT: 5
        [2026-03-01 08:05:00.041] OK

        """;

    // SSCOM with its time of day only: an undated log; an open refused in the wrong state.
    private const string SscomCapture = """
        [09:15:01.010]发→◇AT
        [09:15:01.030]收←◆
        OK
        [09:15:02.000]发→◇AT+CGMR
        [09:15:02.050]收←◆
        M5310-A_V1.1.0

        OK
        [09:15:04.000]发→◇AT+MQTTOPEN=1,1,0,0,0,"",""
        [09:15:04.020]收←◆
        +CME ERROR: 602

        """;
}
