namespace Conformance.Cli.Tests.Fleet;

/// <summary>
/// A gateway's log of several modules in a fleet: each device its own row of <c>logs</c>, keyed <c>LOG#DEVICE</c>, with
/// its own exchanges, so statistics per device stay right; a run again replaces the devices' rows.
/// </summary>
public sealed class FleetDeviceTests : TemporaryFolder
{
    // Written by hand as a gateway's Python logger writes it: the modem's name, then double angles.
    private const string Gateway = """
        2026-11-30 10:00:01.100 modem1 >> AT+CSQ
        2026-11-30 10:00:01.110 modem2 >> AT+CSQ
        2026-11-30 10:00:01.150 modem2 << +CSQ: 9,99
        2026-11-30 10:00:01.151 modem2 << OK
        2026-11-30 10:00:01.300 modem1 << +CSQ: 25,99
        2026-11-30 10:00:01.301 modem1 << OK
        2026-11-30 10:00:02.000 modem1 >> AT+MQTTCFG="183.230.40.39",6002,"dev1",120,"prod1","Zq8pLm2wX",1
        2026-11-30 10:00:02.040 modem1 << OK

        """;

    // One module's log, tagged by a tx and an rx thread: one row.
    private const string OneModule = """
        2026-11-30 11:00:01.100 [Thread-3] DEBUG c.e.Modem - >> AT+CSQ
        2026-11-30 11:00:01.180 [Thread-4] DEBUG c.e.Modem - << +CSQ: 20,99
        2026-11-30 11:00:01.181 [Thread-4] DEBUG c.e.Modem - << OK

        """;

    [Test]
    public async Task Each_device_of_a_log_is_its_own_row_with_its_own_exchanges_and_a_run_again_replaces_them()
    {
        Write("logs/gw.log", Gateway);
        Write("logs/one.log", OneModule);
        var (database, _) = await IngestTwice();
        var logs = await Query(database, "SELECT log, commands, first_time, (SELECT count(*) FROM exchanges e WHERE e.log = l.log) FROM logs l ORDER BY log");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[]
        {
            "gw.log#modem1 2 2026-11-30 10:00:01.100 2",
            "gw.log#modem2 1 2026-11-30 10:00:01.110 1",
            "one.log 1 2026-11-30 11:00:01.100 1",
        }));
        var answers = await Query(database, "SELECT log, split_part(information, ',', 1) FROM exchanges WHERE command = 'AT+CSQ' ORDER BY log");
        Assert.That(answers.Select(a => string.Join(' ', a)), Is.EqualTo(new[] { "gw.log#modem1 +CSQ: 25", "gw.log#modem2 +CSQ: 9", "one.log +CSQ: 20" }));
        var everything = string.Join('\n', (await Query(database, "SELECT * FROM exchanges")).Select(r => string.Join(',', r)));
        Assert.That(everything, Does.Not.Contain("Zq8pLm2wX"));
    }

    [Test]
    public async Task A_run_again_finds_the_rows_of_files_and_devices_whose_names_hold_a_hash()
    {
        // A test rig's CSV export whose ports are named COM#1 and COM#2, in a file named rig#A.csv; a gateway's log in a
        // folder site#3, beside an older log of one module whose name is the gateway log's and `#old.log`.
        Write("logs/rig#A.csv", "时间,设备,方向,数据\r\n10:00:01.100,COM#1,发送,AT+CSQ\r\n10:00:01.110,COM#2,发送,AT+CSQ\r\n" +
            "10:00:01.160,COM#2,接收,\"+CSQ: 12,99\"\r\n10:00:01.161,COM#2,接收,OK\r\n10:00:01.200,COM#1,接收,\"+CSQ: 25,99\"\r\n10:00:01.201,COM#1,接收,OK\r\n");
        Write("logs/site#3/gw.log", Gateway);
        Write("logs/site#3/gw.log#old.log", OneModule);
        // A gateway's log whose name holds a token: its key is masked, with a hash after ` #`, and then its devices.
        Write("logs/token=Kf83hQz.log", Gateway);
        var (database, again) = await IngestTwice();
        Assert.That(again.StandardError, Does.Not.Contain("holds this key for another file"), "each file keeps its key");
        var logs = await Query(database, "SELECT log, commands, (SELECT count(*) FROM exchanges e WHERE e.log = l.log) FROM logs l WHERE NOT starts_with(log, 'token') ORDER BY log");
        var masked = await Query(database, "SELECT regexp_replace(log, '#[0-9a-f]{8}#', '#HASH#'), commands FROM logs WHERE starts_with(log, 'token') ORDER BY log");
        // A `#` in the file's part of a device's key is written `\#`: the first bare `#` ends it.
        Assert.That(masked.Select(l => string.Join(' ', l)), Is.EqualTo(new[] { "token=*** \\#HASH#modem1 2", "token=*** \\#HASH#modem2 1" }));
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[]
        {
            "rig\\#A.csv#COM#1 1 1", "rig\\#A.csv#COM#2 1 1",
            "site#3/gw.log#old.log 1 1", "site\\#3/gw.log#modem1 2 2", "site\\#3/gw.log#modem2 1 1",
        }), "one run's rows, the first run's replaced, the older log's kept");
    }

    /// <summary>
    /// Device <c>x#y</c> of <c>gw.log</c> and device <c>y</c> of a file named <c>gw.log#x</c> once shared the key
    /// <c>gw.log#x#y</c>: their rows mixed, and replacing <c>gw.log</c>'s devices deleted the other file's.
    /// </summary>
    [Test]
    public async Task A_device_whose_name_holds_a_hash_and_a_device_of_a_file_named_with_it_keep_keys_of_their_own()
    {
        // Two test rigs' CSV exports, the second saved under the first's name and `#x`.
        Write("logs/gw.log", "时间,设备,方向,数据\r\n10:00:01.100,x#y,发送,AT+CSQ\r\n10:00:01.110,z,发送,AT+CSQ\r\n" +
            "10:00:01.150,z,接收,\"+CSQ: 9,99\"\r\n10:00:01.151,z,接收,OK\r\n10:00:01.200,x#y,接收,\"+CSQ: 25,99\"\r\n10:00:01.201,x#y,接收,OK\r\n");
        Write("logs/gw.log#x", "时间,设备,方向,数据\r\n11:00:01.100,y,发送,AT+CSQ\r\n11:00:01.110,w,发送,AT+CSQ\r\n" +
            "11:00:01.150,w,接收,\"+CSQ: 20,99\"\r\n11:00:01.151,w,接收,OK\r\n11:00:01.160,y,接收,\"+CSQ: 12,99\"\r\n11:00:01.161,y,接收,OK\r\n" +
            "11:00:01.300,y,发送,AT+CGATT?\r\n11:00:01.340,y,接收,+CGATT: 1\r\n11:00:01.341,y,接收,OK\r\n");
        var (database, _) = await IngestTwice();

        const string Rows = "SELECT log, commands, (SELECT count(*) FROM exchanges e WHERE e.log = l.log), " +
            "(SELECT string_agg(split_part(information, ',', 1), ' ' ORDER BY line) FROM exchanges e WHERE e.log = l.log AND command = 'AT+CSQ') FROM logs l ORDER BY log";
        var expected = new[] { "gw.log#x#y 1 1 +CSQ: 25", "gw.log#z 1 1 +CSQ: 9", "gw.log\\#x#w 1 1 +CSQ: 20", "gw.log\\#x#y 2 2 +CSQ: 12" };
        Assert.That((await Query(database, Rows)).Select(l => string.Join(' ', l)), Is.EqualTo(expected),
            "each device its own row and exchanges, once: the second run replaced each file's devices, and only its own");

        Assert.That(await ExportedKeys(database), Is.EqualTo(new[] { "gw.log#x#y 1", "gw.log#z 1", "gw.log\\#x#w 1", "gw.log\\#x#y 2" }), "the same keys in Parquet");
    }

    [Test]
    public async Task A_file_named_as_a_device_of_another_log_keeps_its_key_and_the_device_takes_another_on_every_run()
    {
        // gw.log holds a device modem1; beside it, a log someone cut out of an older gateway log and named after it.
        Write("logs/gw.log", Gateway);
        Write("logs/gw.log#modem1", OneModule);
        var (database, again) = await IngestTwice();

        Assert.That(again.StandardError, Does.Contain("gw.log: its device modem1 is keyed gw.log#modem1 (device): gw.log#modem1 is another file's key"));
        const string Rows = "SELECT log, commands, files, (SELECT count(*) FROM exchanges e WHERE e.log = l.log), " +
            "(SELECT string_agg(split_part(information, ',', 1), ' ' ORDER BY line) FROM exchanges e WHERE e.log = l.log AND command = 'AT+CSQ') FROM logs l ORDER BY log";
        var expected = new[]
        {
            $"gw.log#modem1 1 {Path.Combine(Folder, "logs", "gw.log#modem1")} 1 +CSQ: 20",
            $"gw.log#modem1 (device) 2 {Path.Combine(Folder, "logs", "gw.log")} 2 +CSQ: 25",
            $"gw.log#modem2 1 {Path.Combine(Folder, "logs", "gw.log")} 1 +CSQ: 9",
        };
        Assert.That((await Query(database, Rows)).Select(l => string.Join(' ', l)), Is.EqualTo(expected),
            "the file's one command and the device's two, each under its own key, once: the second run replaced the first's rows");

        Assert.That(await ExportedKeys(database), Is.EqualTo(new[] { "gw.log#modem1 1", "gw.log#modem1 (device) 2", "gw.log#modem2 1" }), "the same keys in Parquet");
    }

    [Test]
    public async Task A_file_named_as_a_device_the_database_holds_is_keyed_by_its_full_path_and_keeps_that_key()
    {
        // gw.log went in first; the file named after its device modem1 comes with a later run, and again with a third.
        Write("logs/gw.log", Gateway);
        var database = Path.Combine(Folder, "f.duckdb");
        var first = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);
        var cut = Write("logs/gw.log#modem1", OneModule);
        var (_, third) = await IngestTwice(moved: "gw.log#modem1: " + database + " holds this key for a device of " + Path.Combine(Folder, "logs", "gw.log") +
            "; " + cut + " is keyed by its full path: ");

        Assert.That(first.ExitCode, Is.Zero, first.StandardError);
        var full = cut.Replace('\\', '/');
        Assert.That(third.StandardError, Does.Not.Contain("holds this key"), "the third run finds the keys the second gave");
        var logs = await Query(database, "SELECT log, commands, (SELECT count(*) FROM exchanges e WHERE e.log = l.log) FROM logs l ORDER BY log");
        Assert.That(logs.Select(l => string.Join(' ', l)), Is.EqualTo(new[] { $"{full} 1 1", "gw.log#modem1 2 2", "gw.log#modem2 1 1" }),
            "the device keeps its key and its rows; the file has its own, once");
    }

    // The same logs into Parquet with analyze --parquet: each key of its exchanges and how many, read with the database's DuckDB.
    private async Task<IEnumerable<string>> ExportedKeys(string database)
    {
        var parquet = Path.Combine(Folder, "out");
        var export = await ConformanceProcess.RunAsync(null, "analyze", Path.Combine(Folder, "logs"), "--parquet", parquet);
        Assert.That(export.ExitCode, Is.Zero, export.StandardError);
        var exported = await Query(database, $"SELECT log, count(*) FROM read_parquet('{parquet}/exchanges/*/*.parquet') GROUP BY log ORDER BY log");
        return exported.Select(l => string.Join(' ', l));
    }

    // Ingests logs/ into a database twice, both runs reading every log; the database and the second run. The first run's
    // warnings must name the key it moved, if any.
    private async Task<(string Database, ConformanceProcess.Result Again)> IngestTwice(string? moved = null)
    {
        var database = Path.Combine(Folder, "f.duckdb");
        var run = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);
        if (moved is not null) Assert.That(run.StandardError, Does.Contain(moved));
        var again = await ConformanceProcess.RunAsync(null, "fleet", Path.Combine(Folder, "logs"), "--db", database);
        Assert.That((run.ExitCode, again.ExitCode), Is.EqualTo((0, 0)), run.StandardError + again.StandardError);
        return (database, again);
    }
}
