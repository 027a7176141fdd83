using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conformance.Cli.Tests;

/// <summary>
/// Every output of every verb, run as a user would, swept for planted secrets of each kind the secret policy
/// knows: none may appear unless <c>--show-secrets</c>.
/// </summary>
public sealed class SecretSweepTests
{
    private const string ApiKey = "TopSecret123456";

    // One planted value per kind of secret, each in a line written the way that module's users write it.
    private static readonly (string Kind, string Secret, string Line)[] Planted =
    [
        ("MQTTCFG password", "CfgPlanted01", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",60,\"prod1\",\"CfgPlanted01\",1"),
        ("MQTTCFG with junk before AT", "JunkPlanted02", "XAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"JunkPlanted02\",1"),
        ("ESP-AT MQTTUSERCFG", "EspPlanted03", "AT+MQTTUSERCFG=0,1,\"esp32\",\"user\",\"EspPlanted03\",0,0,\"\""),
        ("Air780 MCONFIG", "AirPlanted04", "AT+MCONFIG=\"868488076506128\",user,\"AirPlanted04\""),
        ("Wi-Fi CWJAP", "WifiPlanted05", "AT+CWJAP=\"HomeWiFi\",\"WifiPlanted05\""),
        ("Quectel QMTCONN", "QuecPlanted06", "AT+QMTCONN=0,\"client1\",\"user1\",\"QuecPlanted06\""),
        ("SIMCom CMQTTCONNECT", "SimPlanted07", "AT+CMQTTCONNECT=0,\"tcp://broker:1883\",60,1,\"simuser\",\"SimPlanted07\""),
        ("SIMCom SMCONF", "SmPlanted08", "AT+SMCONF=\"PASSWORD\",\"SmPlanted08\""),
        ("Quectel QICSGP", "ApnPlanted09", "AT+QICSGP=1,1,\"CMNET\",\"apnuser\",\"ApnPlanted09\",1"),
        ("OneNET token in a field", "SignPlanted10",
            "AT+HTTPPARA=\"USERDATA\",\"Authorization: version=2018-10-31&res=products%2F1%2Fdevices%2Fd1&et=1672735919&method=md5&sign=SignPlanted10\""),
        ("token= in a topic", "TopicPlanted16", "AT+MQTTPUB=\"$sys/1/d1/token=TopicPlanted16\",1,0,0,0,hi"),
        ("HTTP Bearer token", "BearerPlanted18", "AT+HTTPPARA=\"USERDATA\",\"Authorization: Bearer BearerPlanted18\""),
        // Garbled by line noise or a typing slip: the credential's place is not where the manual puts it.
        ("MQTTCFG, a quote lost before the password", "QuoteLost19", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",60,\"prod1,\"QuoteLost19\",1"),
        ("MQTTCFG, a letter lost from its name", "NameSlip20", "AT+MQTTCF=\"183.230.40.39\",6002,\"dev1\",60,\"prod1\",\"NameSlip20\",1"),
        ("MQTTCFG, the comma before the password lost", "CommaLost21", "AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",60,\"prod1\"\"CommaLost21\",1"),
        ("MQTTCFG, an unquoted password holding a comma", "CommaTail22", "AT+MQTTCFG=183.230.40.39,6002,dev1,60,prod1,Head22,CommaTail22,1"),
        ("Realtek Ameba MQTTCONN", "AmebaPlanted23", "AT+MQTTCONN=1,dev1,user1,AmebaPlanted23"),
        ("Nordic XMQTTCON", "NordicPlanted24", "AT#XMQTTCON=1,\"nrf-1\",\"user1\",\"NordicPlanted24\",\"mqtt.example.com\",1883"),
        // A password of a comma and digits, unquoted: its digits are no flag of the command's.
        ("MQTTCFG, an unquoted password holding a comma and digits", "80417", "AT+MQTTCFG=183.230.40.39,6002,dev1,60,prod1,Ab25,80417,1"),
    ];

    // Module output around them: a form body after DOWNLOAD, a JSON body after +HTTPREAD, and a repeat of a learned value.
    private static readonly (string Kind, string Secret)[] PlantedInAnswers =
    [
        ("sign= in a form body after DOWNLOAD", "FormPlanted11"),
        ("deviceSecret in an HTTPREAD body", "DsPlanted12"),
        ("iotToken in an HTTPREAD body", "TokPlanted13"),
    ];

    private static IEnumerable<string> Secrets => Planted.Select(p => p.Secret).Concat(PlantedInAnswers.Select(p => p.Secret));

    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_directory = Path.Combine(Path.GetTempPath(), $"sweep-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    /// <summary>A capture of the module's port with echo on, as a customer sends it.</summary>
    private static string FieldLog()
    {
        var log = new StringBuilder();
        foreach (var (_, _, line) in Planted) log.Append(line).Append("\r\n\r\nOK\r\n");
        log.Append("AT+HTTPDATA=44,10000\r\n\r\nDOWNLOAD\r\nproductId=1&deviceName=d1&sign=FormPlanted11\r\n\r\nOK\r\n");
        log.Append("AT+HTTPREAD=0,64\r\n\r\n+HTTPREAD: 64\r\n{\"deviceSecret\":\"DsPlanted12\",\"iotToken\":\"TokPlanted13\"}\r\n\r\nOK\r\n");
        // The application prints a learned value again: every later repeat stays masked.
        log.Append("AT+MQTTSTAT?\r\n\r\n+MQTTSTAT: 2\r\n\r\nOK\r\napp: logged in with CfgPlanted01 and WifiPlanted05\r\n");
        return log.ToString();
    }

    private async Task<string> WriteLog()
    {
        var path = Path.Combine(_directory, "field.log");
        await File.WriteAllTextAsync(path, FieldLog());
        return path;
    }

    private static void AssertHidden(string output, string where)
    {
        Assert.That(output, Does.Contain("***"), $"{where}: masked secrets are shown as ***");
        foreach (var (kind, secret) in Planted.Select(p => (p.Kind, p.Secret)).Concat(PlantedInAnswers))
            Assert.That(output, Does.Not.Contain(secret), $"{where}: the {kind} leaked");
    }

    [Test]
    public async Task Analyze_console_json_csv_and_html_hide_every_kind_of_secret()
    {
        var log = await WriteLog();
        var json = Path.Combine(_directory, "out", "analysis.json");
        var html = Path.Combine(_directory, "out", "report.html");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);

        var run = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", json, "--csv", Path.Combine(_directory, "out", "csv"), "--html", html);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        AssertHidden(run.StandardOutput + run.StandardError, "analyze console");
        foreach (var file in Directory.GetFiles(Path.Combine(_directory, "out"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)))
            AssertHidden(await File.ReadAllTextAsync(file), Path.GetFileName(file));
        var csv = string.Concat(Directory.GetFiles(Path.Combine(_directory, "out", "csv")).Select(File.ReadAllText));
        AssertHidden(csv, "analyze --csv");
    }

    [Test]
    public async Task Analyze_show_secrets_shows_them()
    {
        var run = await ConformanceProcess.RunAsync(null, "analyze", await WriteLog(), "--json", "-", "--show-secrets");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        // A line with junk before AT is free text, not a command, and the analysis lists no free text.
        foreach (var (_, secret, line) in Planted.Where(p => p.Line.StartsWith("AT", StringComparison.Ordinal)))
            Assert.That(run.StandardOutput, Does.Contain(secret), line);
    }

    [Test]
    public async Task Analyze_parquet_the_fleet_db_and_its_report_hide_every_kind_of_secret()
    {
        var log = await WriteLog();
        var parquet = Path.Combine(_directory, "parquet");
        var database = Path.Combine(_directory, "fleet.duckdb");
        var html = Path.Combine(_directory, "fleet.html");

        var analyze = await ConformanceProcess.RunAsync(null, "analyze", log, "--parquet", parquet);
        var ingest = await ConformanceProcess.RunAsync(null, "fleet", log, "--db", database);
        var report = await ConformanceProcess.RunAsync(null, "fleet", "report", database, "--html", html);

        Assert.That(analyze.ExitCode, Is.Zero, analyze.StandardError);
        Assert.That(ingest.ExitCode, Is.Zero, ingest.StandardError);
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        var consoles = analyze.StandardOutput + analyze.StandardError + ingest.StandardOutput + ingest.StandardError + report.StandardOutput
            + report.StandardError + await File.ReadAllTextAsync(html);
        foreach (var secret in Secrets) Assert.That(consoles, Does.Not.Contain(secret), "analyze --parquet, fleet and fleet report");
        AssertHidden(await FleetTablesText(database), "the fleet database");
        AssertHidden(ParquetText(parquet), "the Parquet output");
        // The files themselves: no secret in a page, a dictionary or the column statistics either.
        foreach (var file in Directory.GetFiles(parquet, "*.parquet", SearchOption.AllDirectories))
        {
            var bytes = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
            foreach (var secret in Secrets) Assert.That(bytes, Does.Not.Contain(secret), file);
        }
    }

    [Test]
    public async Task Analyze_parquet_show_secrets_shows_them()
    {
        var parquet = Path.Combine(_directory, "parquet");

        var run = await ConformanceProcess.RunAsync(null, "analyze", await WriteLog(), "--parquet", parquet, "--show-secrets");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var text = ParquetText(parquet);
        foreach (var (_, secret, line) in Planted.Where(p => p.Line.StartsWith("AT", StringComparison.Ordinal)))
            Assert.That(text, Does.Contain(secret), line);
    }

    /// <summary>Every table of a fleet database as <c>fleet query … --csv</c> prints it.</summary>
    private static async Task<string> FleetTablesText(string database)
    {
        var text = new StringBuilder();
        foreach (var table in new[] { "logs", "exchanges", "urcs", "diagnostics", "sessions", "reconnections", "data_points" })
        {
            var query = await ConformanceProcess.RunAsync(null, "fleet", "query", database, $"SELECT * FROM {table}", "--csv");
            Assert.That(query.ExitCode, Is.Zero, query.StandardError);
            text.Append(query.StandardOutput);
        }
        return text.ToString();
    }

    /// <summary>Every value of every Parquet file below <paramref name="folder"/>, read with DuckDB.</summary>
    private static string ParquetText(string folder)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i)).Append('\t');
        }
        return text.ToString();
    }

    [Test]
    public async Task Compare_hides_every_kind_of_secret()
    {
        var log = await WriteLog();
        var json = Path.Combine(_directory, "comparison.json");

        var run = await ConformanceProcess.RunAsync(null, "compare", log, log, "--json", json);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        foreach (var secret in Secrets)
        {
            // Commands are grouped by their upper-cased name: a secret must not leak in capitals either.
            Assert.That(run.StandardOutput + run.StandardError, Does.Not.Contain(secret).IgnoreCase, "compare console");
            Assert.That(await File.ReadAllTextAsync(json), Does.Not.Contain(secret).IgnoreCase, "compare --json");
        }
        Assert.That(run.StandardOutput, Does.Contain("AT+CWJAP="), "the commands are compared by name");
    }

    /// <summary>
    /// An error message quotes the user's data: a trace line that does not parse is shown in the message, and every
    /// kind of secret in it must stay masked, on the console and in the fleet's <c>logs</c> table alike.
    /// </summary>
    [Test]
    public async Task An_error_quoting_a_broken_log_line_hides_its_secrets()
    {
        var logs = Path.Combine(_directory, "logs");
        Directory.CreateDirectory(logs);
        var broken = new StringBuilder("# conformance-trace 1\n2026-11-25T22:40:41.125000Z > AT\\r\\n\n");
        foreach (var (_, _, line) in Planted) broken.Append(line).Append(" x\n");
        await File.WriteAllTextAsync(Path.Combine(logs, "broken.trace"), broken.ToString());
        await File.WriteAllTextAsync(Path.Combine(logs, "keyed.log"), "password=KeyPlanted14 > AT\n");

        var analyze = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(logs, "broken.trace"));
        var forced = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(logs, "keyed.log"), "--format", "trace");
        var fleet = await ConformanceProcess.RunAsync(null, "fleet", logs, "--db", Path.Combine(_directory, "fleet.duckdb"));

        Assert.That(analyze.StandardError, Does.Contain("not a trace record").And.Contain("***"), "the line is quoted, masked");
        Assert.That(forced.StandardError, Does.Contain("password=***"));
        foreach (var output in new[] { analyze, forced, fleet })
            foreach (var secret in Planted.Select(p => p.Secret).Append("KeyPlanted14"))
                Assert.That(output.StandardOutput + output.StandardError, Does.Not.Contain(secret));
    }

    [Test]
    public async Task Frames_hides_every_kind_of_secret_and_show_secrets_shows_them()
    {
        var log = await WriteLog();

        var masked = await ConformanceProcess.RunAsync(null, "frames", log);
        var shown = await ConformanceProcess.RunAsync(null, "frames", log, "--show-secrets");

        Assert.That(masked.ExitCode, Is.Zero, masked.StandardError);
        AssertHidden(masked.StandardOutput + masked.StandardError, "frames");
        foreach (var secret in Secrets) Assert.That(shown.StandardOutput, Does.Contain(secret));
    }

    [TestCase("[10:00:00.100] >> AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"pro\n[10:00:00.101] >> d1\",\"BrokenPlanted17\",1\n[10:00:00.200] << OK\n")]
    [TestCase("[10:00:00.100] AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",1\n[10:00:00.103] 20,\"prod1\",\"BrokenPlanted17\",1\n[10:00:00.200] OK\n")]
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod1\",\"BrokenPlanted17\",1\\r\\n\n\\r\\nOK\\r\\n\n")]
    [TestCase("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",12\r\n0,\"prod1\",\"BrokenPlanted17\",1\r\n\r\nOK\r\n")]
    public async Task A_cfg_a_log_broke_before_its_password_hides_it_in_analyze_and_frames(string text)
    {
        var log = Path.Combine(_directory, "broken.log");
        await File.WriteAllTextAsync(log, text);

        var analyze = await ConformanceProcess.RunAsync(null, "analyze", log, "--json", "-");
        var frames = await ConformanceProcess.RunAsync(null, "frames", log);

        Assert.That(analyze.ExitCode, Is.Zero, analyze.StandardError);
        Assert.That(analyze.StandardOutput + analyze.StandardError, Does.Contain("***").And.Not.Contain("BrokenPlanted17"));
        Assert.That(frames.StandardOutput + frames.StandardError, Does.Contain("***").And.Not.Contain("BrokenPlanted17"));
    }

    [Test]
    public async Task Frames_hides_the_cfg_password_of_the_customer_log()
    {
        var run = await ConformanceProcess.RunAsync(null, "frames", SscomLog.CustomerLog);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Does.Contain("AT+MQTTCFG=").And.Not.Contain("IIOu0oFUgnTK1uzAcnM="));
    }

    [Test]
    public async Task The_emulators_log_hides_every_kind_of_secret()
    {
        using var emulator = await EmulatorProcess.StartAsync();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, emulator.Port);
            using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);
            // The last two lines are one CFG whose password a line end splits: its tail must not leak either.
            var lines = Planted.Select(p => p.Line).Append("AT+MQTTCFG?").Append("app: CfgPlanted01 again")
                .Append("XAT+MQTTCFG=\"h\",6002,\"d\",60,\"p\",\"SplitHead").Append("TailPart15\",1");
            foreach (var line in lines) await EmulatorProcess.ExchangeAsync(client.GetStream(), reader, Encoding.UTF8.GetBytes(line));
        }

        var log = await emulator.StopAsync();
        Assert.That(log, Does.Contain("> XAT+MQTTCFG="), "the log shows the lines received");
        foreach (var (kind, secret, _) in Planted) Assert.That(log, Does.Not.Contain(secret), $"emulate's log: the {kind} leaked");
        Assert.That(log, Does.Not.Contain("SplitHead").And.Not.Contain("TailPart15"), "emulate's log: a password split by a line end leaked");
    }

    [Test]
    public async Task Run_keeps_the_api_key_out_of_trace_junit_and_console_also_when_a_malformed_cfg_fails()
    {
        var run = await ConformanceProcess.RunAsync(null, "run", "--dialect", "field", "--strict", "--section", "1",
            "--set", $"api-key={ApiKey}", "--out", _directory);

        Assert.That(run.ExitCode, Is.EqualTo(1), "field answers fail --strict: the failure messages quote the commands");
        var junit = await File.ReadAllTextAsync(Path.Combine(_directory, "junit.xml"));
        Assert.That(junit, Does.Contain("AT+MQTTCFG=").And.Contain("<failure"));
        foreach (var (where, text) in new[] { ("junit.xml", junit), ("run.trace", await File.ReadAllTextAsync(Path.Combine(_directory, "run.trace"))),
                     ("console", run.StandardOutput + run.StandardError) })
        {
            // Any eight characters of the key would be a leak: the whole key, its start or its tail.
            for (var i = 0; i + 8 <= ApiKey.Length; i++) Assert.That(text, Does.Not.Contain(ApiKey.Substring(i, 8)), where);
        }
    }

    [TestCase("password")]
    [TestCase("passwd")]
    [TestCase("token")]
    public async Task A_misspelt_secret_key_given_to_set_is_named_readably_and_its_value_never_shown(string key)
    {
        var run = await ConformanceProcess.RunAsync(null, "run", "--set", $"{key}={ApiKey}", "--out", _directory);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.StartWith($"conformance: --set: unknown key '{key}'; known: broker, port, device-id, product-id, api-key"));
        Assert.That(run.StandardError + run.StandardOutput, Does.Not.Contain(ApiKey).And.Not.Contain("***"));
    }

    [Test]
    public async Task A_setting_that_fails_after_the_api_key_was_given_does_not_show_the_key()
    {
        // The bad value quoted is the key itself, given to the wrong name after --set api-key.
        var run = await ConformanceProcess.RunAsync(null, "run", "--set", $"api-key={ApiKey}", "--set", $"port={ApiKey}", "--out", _directory);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.StartWith("conformance: --set: port '").And.Contain("must be a number").And.Not.Contain(ApiKey));
    }

    [Test]
    public async Task The_report_of_a_crash_after_run_was_given_the_api_key_does_not_show_it()
    {
        // The run stops at its first check, after it has read its settings; a crash may come at any later point.
        var settings = Path.Combine(_directory, "settings.txt");
        File.WriteAllText(settings, $"api-key = {ApiKey}\n");
        var request = new Commands.RunCommand.RunRequest("emulator", null, null, Protocol.Syntax.Dialect.Manual, false, _directory, null, null,
            settings, [], false, false, TimeSpan.FromSeconds(30), Html: Path.Combine(_directory, "matrix.html"));
        using var stop = new StopSignals(CancellationToken.None);
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) });
        var exit = await Commands.RunCommand.RunAsync(request, console, TextWriter.Null, stop);
        Assert.That(exit, Is.EqualTo(2), "--html without a farm");

        var fault = new InvalidOperationException($"the broker refused client 4069959 with key {ApiKey}");
        Assert.That(Protocol.Secrets.SecretPolicy.Redact(fault.Message), Does.Contain(ApiKey), "no rule finds it: only knowing the key masks it");
        var crash = ErrorText.Internal(fault);

        Assert.That(crash, Does.StartWith("conformance: internal error, please report it: System.InvalidOperationException: the broker refused client 4069959 with key ***"));
        Assert.That(crash, Does.Not.Contain(ApiKey));
    }
}
