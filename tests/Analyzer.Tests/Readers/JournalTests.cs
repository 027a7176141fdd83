using System.Text;
using Conformance.Analyzer.Readers;
using Conformance.Analyzer.Reports;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// A gateway's journal (journalctl, syslog) in which a daemon logs the module's traffic line by line without marking
/// its direction, among the lines of every other program on the machine; written here by hand.
/// </summary>
public class JournalTests
{
    private const string Password = "Zx9Lk3Pq7Wm2";

    private static readonly (LogDirection, string)[] Csq =
    [
        (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 21,99"), (LogDirection.FromModule, "OK"),
    ];

    [TestCase("2026-11-30T08:00:00.123456+0800 gw modem[311]: AT+CSQ\n2026-11-30T08:00:00.170020+0800 gw modem[311]: +CSQ: 21,99\n2026-11-30T08:00:00.171300+0800 gw modem[311]: OK\n",
        TestName = "journalctl -o short-iso-precise")]
    [TestCase("2026-11-30T08:00:00+08:00 gw modem[311]: AT+CSQ\r\n2026-11-30T08:00:00+08:00 gw modem[311]: +CSQ: 21,99\r\n2026-11-30T08:00:00+08:00 gw modem[311]: OK\r\n",
        TestName = "journalctl -o short-iso, CR LF, a zone with a colon")]
    [TestCase("2026-11-30T00:00:00.123Z modem[311]: AT+CSQ\n2026-11-30T00:00:00.170Z modem[311]: +CSQ: 21,99\n2026-11-30T00:00:00.171Z modem[311]: OK\n",
        TestName = "rsyslog's RFC 3339 stamp in UTC, no host")]
    [TestCase("Nov 30 08:00:00.123456 gw modem[311]: AT+CSQ\r\nNov 30 08:00:00.170020 gw modem[311]: +CSQ: 21,99\r\nNov 30 08:00:00.171300 gw modem[311]: OK\r\n",
        TestName = "journalctl -o short-precise, CR LF")]
    [TestCase("Nov 30 08:00:00.123456 modem[311]: AT+CSQ\nNov 30 08:00:00.170020 modem[311]: +CSQ: 21,99\nNov 30 08:00:00.171300 modem[311]: OK\n",
        TestName = "journalctl -o short-precise, no host")]
    [TestCase("Dec  3 23:59:59 gw modem: AT+CSQ\nDec  3 23:59:59 gw modem: +CSQ: 21,99\nDec  4 00:00:00 gw modem: OK\n",
        TestName = "syslog, the day padded with a space, a program without its pid, across midnight")]
    [TestCase("Nov 30 08:00:00 modem[311]: AT+CSQ\nNov 30 08:00:00 modem[311]: +CSQ: 21,99\nNov 30 08:00:00 modem[311]: OK\n",
        TestName = "journalctl -o short, no host")]
    [TestCase("Mon 2026-11-30 08:00:00 CST gw modem[311]: AT+CSQ\nMon 2026-11-30 08:00:00 CST gw modem[311]: +CSQ: 21,99\nMon 2026-11-30 08:00:01 CST gw modem[311]: OK\n",
        TestName = "journalctl -o short-full")]
    [TestCase("1764460800.123456 gw modem[311]: AT+CSQ\n1764460800.170020 gw modem[311]: +CSQ: 21,99\n1764460800.171300 gw modem[311]: OK\n",
        TestName = "journalctl -o short-unix")]
    [TestCase("<30>Nov 30 08:00:00 gw Modem: AT+CSQ\r\n<30>Nov 30 08:00:00 gw Modem: +CSQ: 21,99\r\n<30>Nov 30 08:00:00 gw Modem: OK\r\n",
        TestName = "syslog received from the network, its priority before the stamp, a program named in capitals")]
    public void Every_journal_stamp_is_read_the_direction_told_by_the_text(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Journal), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(records, Has.All.Property(nameof(LogRecord.Time)).Not.Null);
        Assert.That(records[2].Time!.Value, Is.GreaterThanOrEqualTo(records[0].Time!.Value), "times stay ordered, across midnight too");
    }

    [Test]
    public void Journalctl_short_monotonic_gives_the_time_since_boot()
    {
        var (source, records) = TempLog.Read(
            "[  812.004211] gw kernel: usb 1-1: new full-speed USB device number 3 using xhci_hcd\n" +
            "[  815.100000] gw modem[311]: AT+CSQ\n" +
            "[  815.131500] gw modem[311]: +CSQ: 21,99\n" +
            "[  815.132000] gw modem[311]: OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Journal), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
        Assert.That(records.Select(r => r.SinceStart), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromMilliseconds(815_100), TimeSpan.FromTicks(8_151_315_000), TimeSpan.FromMilliseconds(815_132) }));
    }

    [TestCase("[   12.345] modem: AT+CSQ\n[   12.380] +CSQ: 21,99\n[   12.381] OK\n", LogFormat.Tio, TestName = "an RTOS's log: time since start, a module's name")]
    [TestCase("2026-11-30T08:00:00.123Z modem: AT+CSQ\n2026-11-30T08:00:00.160Z +CSQ: 21,99\n2026-11-30T08:00:00.161Z OK\n", LogFormat.Timestamped, TestName = "a script's ISO stamp and a logger's name")]
    public void A_stamp_other_logs_share_with_a_journal_and_a_name_without_pid_is_not_a_journal(string log, LogFormat format)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(format), () => string.Join(", ", source.Detection.Scores));
        Assert.That(records, Has.Count.EqualTo(3));
    }

    // A gateway's journal as `journalctl -o short-iso-precise` prints it: the daemon's traffic among the machine's own lines.
    private const string Gateway =
        "-- Boot 3f2a9c1e0b7d4e58a6c2f1d0e9b8a7c6 --\n" +
        "2026-11-30T08:00:00.010000+0800 gw kernel: usb 1-1: new full-speed USB device number 3 using xhci_hcd\n" +
        "2026-11-30T08:00:00.020000+0800 gw kernel: cdc_acm 1-1:1.0: ttyACM0: USB ACM device\n" +
        "2026-11-30T08:00:00.050000+0800 gw systemd[1]: Started Modem bridge for the M5310-A.\n" +
        "2026-11-30T08:00:00.060000+0800 gw modem[311]: M5310-A\n" +
        "2026-11-30T08:00:00.100000+0800 gw modem[311]: AT+CSQ\n" +
        "2026-11-30T08:00:00.130000+0800 gw NetworkManager[502]: <info>  [1764460800.1300] device (ttyACM0): state change: unmanaged\n" +
        "2026-11-30T08:00:00.150000+0800 gw modem[311]: +CSQ: 21,99\n" +
        "2026-11-30T08:00:00.151000+0800 gw modem[311]: OK\n" +
        "2026-11-30T08:00:01.000000+0800 gw modem[311]: AT+MQTTCFG=\"183.230.40.39\",6002,\"dev77\",120,\"pid9\",\"" + Password + "\",1\n" +
        "2026-11-30T08:00:01.040000+0800 gw modem[311]: OK\n" +
        "2026-11-30T08:00:01.300000+0800 gw sshd[877]: Accepted publickey for root from 10.0.0.5 port 50022 ssh2: ED25519 SHA256:x\n" +
        "2026-11-30T08:00:01.500000+0800 gw modem[311]: AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n" +
        "2026-11-30T08:00:01.550000+0800 gw modem[311]: OK\n" +
        "2026-11-30T08:00:02.750000+0800 gw modem[311]: +MQTTOPEN: OK\n" +
        "2026-11-30T08:00:03.000000+0800 gw CRON[901]: (root) CMD (/usr/lib/gw/rotate-logs)\n" +
        "2026-11-30T08:00:03.200000+0800 gw modem[311]: AT+MQTTPUB=\"up/dev77\",1,0,0,4,31323334\n" +
        "2026-11-30T08:00:03.260000+0800 gw modem[311]: OK\n" +
        "2026-11-30T08:00:03.700000+0800 gw modem[311]: +MQTTPUBACK: 1,1\n";

    [Test]
    public void Only_the_program_that_logs_the_port_is_read_its_banner_before_the_first_command_too()
    {
        var (source, records) = TempLog.Read(Gateway.ReplaceLineEndings("\r\n"));

        Assert.That(source.Format, Is.EqualTo(LogFormat.Journal), () => string.Join(", ", source.Detection.Scores));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 5L, 6L, 8L, 9L, 10L, 11L, 13L, 14L, 15L, 17L, 18L, 19L }));
        Assert.That(Traffic.Lines(records)[..2], Is.EqualTo(new[] { (LogDirection.FromModule, "M5310-A"), (LogDirection.ToModule, "AT+CSQ") }));
        Assert.That(records.Select(r => r.Text), Has.None.Contains("systemd").And.None.Contains("usb").And.None.Contains("Accepted"));
    }

    [Test]
    public void The_journal_is_analysed_as_a_session_its_latencies_measured_and_the_password_masked()
    {
        var analysis = TempLog.Analyze(Gateway);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new[]
        {
            ("AT+CSQ", "OK"), ($"AT+MQTTCFG=\"183.230.40.39\",6002,\"dev77\",120,\"pid9\",\"***\",1", "OK"),
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK"), ("AT+MQTTPUB=\"up/dev77\",1,0,0,4,31323334", "OK"),
        }));
        Assert.That(analysis.Exchanges.Select(e => e.LatencyMs), Is.EqualTo(new double?[] { 51, 40, 50, 60 }));
        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "+MQTTOPEN", "+MQTTPUBACK" }));
        Assert.That(analysis.Diagnostics.Select(d => d.Code), Has.None.EqualTo("unreadable-line"), "no other program's line is read as the module's");
        Assert.That(JsonReport.Write(analysis), Does.Not.Contain(Password));
    }

    [Test]
    public void A_syslog_file_of_the_daemon_and_the_kernel_keeps_the_daemons_lines_across_a_restart()
    {
        var (source, records) = TempLog.Read(
            "Nov 30 08:00:00 gw kernel: [  812.004211] usb 1-1: USB disconnect, device number 3\r\n" +
            "Nov 30 08:00:01 gw at-bridge[311]: AT+CSQ\r\n" +
            "Nov 30 08:00:01 gw at-bridge[311]: +CSQ: 21,99\r\n" +
            "Nov 30 08:00:01 gw at-bridge[311]: OK\r\n" +
            "Nov 30 08:00:05 gw systemd[1]: at-bridge.service: Main process exited, code=killed, status=9/KILL\r\n" +
            "Nov 30 08:00:06 gw systemd[1]: Started at-bridge.service.\r\n" +
            "Nov 30 08:00:06 gw at-bridge[1210]: AT+CSQ\r\n" +
            "Nov 30 08:00:06 gw at-bridge[1210]: +CSQ: 18,99\r\n" +
            "Nov 30 08:00:06 gw at-bridge[1210]: OK\r\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Journal), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records).Select(l => l.Line), Is.EqualTo(new[] { "AT+CSQ", "+CSQ: 21,99", "OK", "AT+CSQ", "+CSQ: 18,99", "OK" }));
    }

    [Test]
    public void A_journal_of_a_whole_boot_is_one_though_the_daemon_starts_after_hundreds_of_lines()
    {
        // `journalctl -b`: the kernel and systemd fill the first lines the format is told by.
        var boot = string.Concat(Enumerable.Range(0, 150).Select(i =>
            $"Nov 30 07:59:{i / 10:00}.{i % 10}00000 gw kernel: pci 0000:00:{i % 32:x2}.0: [8086:a3{i % 100:00}] type 00 class 0x060000\n" +
            $"Nov 30 07:59:{i / 10:00}.{i % 10}50000 gw systemd[1]: Starting unit-{i}.service...\n"));
        var (source, records) = TempLog.Read(boot +
            "Nov 30 08:00:00.100000 gw modem[311]: AT+CSQ\n" +
            "Nov 30 08:00:00.150000 gw modem[311]: +CSQ: 21,99\n" +
            "Nov 30 08:00:00.151000 gw modem[311]: OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Journal), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq));
    }

    [Test]
    public void A_message_journalctl_wrote_on_two_lines_is_read_whole()
    {
        // A message holding a line end: journalctl indents its rest under the message.
        var (_, records) = TempLog.Read(
            "Nov 30 08:00:00.100000 gw modem[311]: AT+MQTTSUB=\"cmd/dev77\",1\n" +
            "Nov 30 08:00:00.150000 gw modem[311]: OK\n" +
            "Nov 30 08:00:02.000000 gw modem[311]: +MQTTPUBLISH: 0,0,0,0,\"cmd/dev77\",7,hi\n" +
            "                                      you\n" +
            "Nov 30 08:00:02.500000 gw systemd[1]: Reloading.\n" +
            "                                      not the module's\n");

        Assert.That(records.Select(r => (r.Line, r.Text)).Skip(2), Is.EqualTo(new[]
        {
            (3L, "+MQTTPUBLISH: 0,0,0,0,\"cmd/dev77\",7,hi\r\n"), (4L, "you\r\n"),
        }));
    }

    [Test]
    public void A_journal_whose_daemon_marks_the_direction_is_read_as_a_transcript_without_the_other_programs_lines()
    {
        var (source, records) = TempLog.Read(
            "2026-11-30T08:00:00.050000+0800 gw systemd[1]: Started Modem bridge.\n" +
            "2026-11-30T08:00:00.123456+0800 gw modem[311]: TX: AT+CSQ\n" +
            "2026-11-30T08:00:00.130000+0800 gw kernel: usb 1-1: new full-speed USB device number 3 using xhci_hcd\n" +
            "2026-11-30T08:00:00.170020+0800 gw modem[311]: RX: +CSQ: 21,99\n" +
            "2026-11-30T08:00:00.171300+0800 gw modem[311]: OK\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Transcript), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(Csq), "the daemon's unmarked line goes by its text");
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 2L, 4L, 5L }));
    }

    [Test]
    public void A_journal_in_which_no_program_logs_the_port_has_no_traffic()
    {
        var (_, records) = TempLog.Read(
            "Nov 30 08:00:00 gw systemd[1]: Starting Daily apt upgrade...\n" +
            "Nov 30 08:00:01 gw kernel: usb 1-1: new full-speed USB device number 3 using xhci_hcd\n" +
            "Nov 30 08:00:02 gw systemd[1]: Finished Daily apt upgrade.\n", LogFormat.Journal);

        Assert.That(records, Is.Empty);
    }

    [Test]
    public void A_journal_read_in_place_allocates_nothing_per_line_and_lends_the_records_read_one_by_one()
    {
        var journal = new StringBuilder(Gateway);
        for (var i = 0; i < 20_000; i++)
        {
            var at = new DateTime(2026, 11, 30, 9, 0, 0).AddMilliseconds(i * 50);
            journal.Append(System.Globalization.CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ss.ffffff}+0800 gw modem[311]: {(i % 2 == 0 ? "AT+CSQ" : "+CSQ: 21,99")}\r\n");
        }
        using var log = new TempLog();
        var path = log.Write("journal.log", journal.ToString());
        LogSource.Open(log.Write("warm.log", Gateway)).Read(new Counted());
        var source = LogSource.Open(path);
        var counted = new Counted();

        var before = GC.GetAllocatedBytesForCurrentThread();
        source.Read(counted);
        var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / new FileInfo(path).Length;

        Assert.That(counted.Records, Is.EqualTo(20_012));
        Assert.That(perByte, Is.LessThan(0.1), $"{perByte:0.00} B allocated per byte of journal");
        var lent = new Collected();
        source.Read(lent);
        Assert.That(lent.Records, Is.EqualTo(source.Read().ToList()));
    }

    [Test]
    public void A_daemon_that_writes_a_level_and_a_thread_before_its_marks_is_read_as_marked_traffic()
    {
        // A logging library's format inside syslog: the level, the thread in brackets, then the direction.
        const string log = """
            Nov 30 12:00:00 gw modemd[311]: INFO [uart] > AT+MQTTSTAT?
            Nov 30 12:00:00 gw modemd[311]: INFO [uart] < +MQTTSTAT: 5
            Nov 30 12:00:00 gw modemd[311]: INFO [uart] < OK
            Nov 30 12:00:01 gw systemd[1]: Started Daily apt download activities.
            Nov 30 12:00:02 gw modemd[311]: WARN [uart] > AT+CSQ
            Nov 30 12:00:02 gw modemd[311]: WARN [uart] < +CSQ: 99,99
            Nov 30 12:00:02 gw modemd[311]: WARN [uart] < OK
            """;

        var analysis = TempLog.Analyze(log);

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final)), Is.EqualTo(new (string, string?)[] { ("AT+MQTTSTAT?", "OK"), ("AT+CSQ", "OK") }));
        Assert.That(analysis.Exchanges.Select(e => e.Information.Single()), Is.EqualTo(new[] { "+MQTTSTAT: 5", "+CSQ: 99,99" }));
    }
}
