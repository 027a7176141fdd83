using Conformance.Analyzer.Readers;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>Android radio logs (<c>adb logcat -b radio</c>) in logcat's formats, <c>-v long</c> too, written here by hand.</summary>
public class LogcatTests
{
    private static readonly (LogDirection, string)[] CsqExchange =
    [
        (LogDirection.ToModule, "AT+CSQ"), (LogDirection.FromModule, "+CSQ: 20,99"), (LogDirection.FromModule, "OK"),
    ];

    [Test]
    public void Threadtime_lines_give_the_direction_from_the_rils_marks_and_the_time_of_day()
    {
        var (source, records) = TempLog.Read(
            "--------- beginning of radio\n" +
            "11-30 08:00:00.100  1234  1250 D RILJ    : [3820]> SIGNAL_STRENGTH [SUB0]\n" +
            "11-30 08:00:00.123  1234  1250 D AT      : AT> AT+CSQ\n" +
            "11-30 08:00:00.160  1234  1251 D AT      : AT< +CSQ: 20,99\n" +
            "11-30 08:00:00.161  1234  1251 D AT      : AT< OK\n" +
            "11-30 08:00:00.170  1234  1250 D RILJ    : [3820]< SIGNAL_STRENGTH {20,99}\n");

        Assert.That(source.Format, Is.EqualTo(LogFormat.Logcat), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 3L, 4L, 5L }));
        Assert.That(records[0].Time!.Value.TimeOfDay, Is.EqualTo(new TimeSpan(0, 8, 0, 0, 123)));
        Assert.That(records[1].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(37)));
    }

    [TestCase("D/AT      ( 1234): AT> AT+CSQ\nD/AT      ( 1234): AT< +CSQ: 20,99\nD/AT      ( 1234): AT< OK\nI/RILJ    ( 1234): [UNSL]< UNSOL_RESPONSE_NETWORK_STATE_CHANGED\n", TestName = "brief")]
    [TestCase("D/AT(1234): AT> AT+CSQ\nD/AT(1234): AT< +CSQ: 20,99\nD/AT(1234): AT< OK\n", TestName = "brief without padding")]
    [TestCase("11-30 08:00:00.123 D/AT      ( 1234): AT> AT+CSQ\n11-30 08:00:00.160 D/AT      ( 1234): AT< +CSQ: 20,99\n11-30 08:00:00.161 D/AT      ( 1234): AT< OK\n", TestName = "time")]
    [TestCase("2026-11-30 08:00:00.123  1234  1250 D AT      : AT> AT+CSQ\n2026-11-30 08:00:00.160  1234  1251 D AT      : AT< +CSQ: 20,99\n2026-11-30 08:00:00.161  1234  1251 D AT      : AT< OK\n", TestName = "threadtime with the year")]
    [TestCase("11-30 08:00:00.123   1001  1234  1250 D use-Rlog/RLOG-AT: [RIL_CMD_1] AT> AT+CSQ\n11-30 08:00:00.160  1234  1251 D use-Rlog/RLOG-AT: [RIL_CMD_READER_1] AT< +CSQ: 20,99\n11-30 08:00:00.161  1234  1251 D use-Rlog/RLOG-AT: [RIL_CMD_READER_1] AT< OK\n", TestName = "a vendor's tag and channel")]
    public void Every_logcat_format_is_read(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Logcat), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
    }

    [Test]
    public void A_radio_log_is_analysed_as_the_session_it_holds()
    {
        var analysis = TempLog.Analyze(
            "11-30 08:00:00.123  1234  1250 D AT      : AT> AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"Rk3Lp9Qx\",1\n" +
            "11-30 08:00:00.160  1234  1251 D AT      : AT< OK\n" +
            "11-30 08:00:00.300  1234  1250 D AT      : AT> AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\n" +
            "11-30 08:00:00.340  1234  1251 D AT      : AT< OK\n" +
            "11-30 08:00:00.350  1234  1250 I RILJ    : [UNSL]< UNSOL_DATA_CALL_LIST_CHANGED\n" +
            "11-30 08:00:01.500  1234  1251 D AT      : AT< +MQTTOPEN: OK\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"***\",1", "OK", 37),
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", 40),
        }));
        Assert.That(analysis.Urcs.Select(u => (u.Name, u.CommandLine)), Is.EqualTo(new (string, long?)[] { ("+MQTTOPEN", 3) }));
    }

    // `adb logcat -b radio -v long`: a header per entry, the message under it, a blank line after; the RIL's Java side
    // (RILJ) and the banner among the RIL's traffic.
    private const string Long =
        "--------- beginning of radio\n" +
        "[ 11-30 08:00:00.100  1234: 1250 D/RILJ     ]\n" +
        "[3820]> SIGNAL_STRENGTH [SUB0]\n" +
        "\n" +
        "[ 11-30 08:00:00.123  1234: 1250 D/AT       ]\n" +
        "AT> AT+CSQ\n" +
        "\n" +
        "[ 11-30 08:00:00.160  1234: 1251 D/AT       ]\n" +
        "AT< +CSQ: 20,99\n" +
        "\n" +
        "[ 11-30 08:00:00.161  1234: 1251 D/AT       ]\n" +
        "AT< OK\n" +
        "\n" +
        "[ 11-30 08:00:00.170  1234: 1250 D/RILJ     ]\n" +
        "[3820]< SIGNAL_STRENGTH {20,99}\n" +
        "\n";

    [TestCase("\n", TestName = "long, LF")]
    [TestCase("\r\n", TestName = "long, CR LF (pulled to a Windows machine)")]
    public void Long_entries_give_the_direction_from_the_rils_marks_and_the_headers_time(string lineEnd)
    {
        var (source, records) = TempLog.Read(Long.ReplaceLineEndings(lineEnd));

        Assert.That(source.Format, Is.EqualTo(LogFormat.Logcat), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 6L, 9L, 12L }), "each line is numbered by its message, not its header");
        Assert.That(records[0].Time!.Value.TimeOfDay, Is.EqualTo(new TimeSpan(0, 8, 0, 0, 123)));
        Assert.That(records[2].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(38)));
    }

    [TestCase("[ 11-30 08:00:00.123 +0800  1234: 1250 D/AT       ]\nAT> AT+CSQ\n\n[ 11-30 08:00:00.160 +0800  1234: 1251 D/AT       ]\nAT< +CSQ: 20,99\nAT< OK\n\n", TestName = "long, zone, a message of two lines")]
    [TestCase("[ 1764489600.123  1234: 1250 D/AT       ]\r\nAT> AT+CSQ\r\n\r\n[ 1764489600.160  1234: 1251 D/AT       ]\r\nAT< +CSQ: 20,99\r\n\r\n[ 1764489600.161  1234: 1251 D/AT       ]\r\nAT< OK\r\n\r\n", TestName = "long, epoch")]
    public void Every_long_variant_is_read(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Logcat), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
        Assert.That(records[1].Time - records[0].Time, Is.EqualTo(TimeSpan.FromMilliseconds(37)));
    }

    [Test]
    public void Long_entries_with_the_year_a_uid_and_microseconds_are_read_and_the_password_masked()
    {
        // `-v long,year,uid,usec`, a vendor's channel before the mark, a message of two lines.
        var analysis = TempLog.Analyze(
            "[ 2026-11-30 08:00:00.123456  radio: 1234: 1250 D/RLOG-AT  ]\r\n" +
            "[RIL_CMD_1] AT> AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"Rk3Lp9Qx\",1\r\n" +
            "\r\n" +
            "[ 2026-11-30 08:00:00.160456  radio: 1234: 1251 D/RLOG-AT  ]\r\n" +
            "[RIL_CMD_READER_1] AT< OK\r\n" +
            "\r\n" +
            "[ 2026-11-30 08:00:00.200000  1001: 1234: 1250 I/RILJ     ]\r\n" +
            "[UNSL]< UNSOL_DATA_CALL_LIST_CHANGED\r\n" +
            "\r\n" +
            "[ 2026-11-30 08:00:00.300000  radio: 1234: 1250 D/RLOG-AT  ]\r\n" +
            "[RIL_CMD_1] AT> AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"\r\n" +
            "\r\n" +
            "[ 2026-11-30 08:00:00.341000  radio: 1234: 1251 D/RLOG-AT  ]\r\n" +
            "[RIL_CMD_READER_1] AT< OK\r\n" +
            "[RIL_CMD_READER_1] AT< \r\n" +
            "\r\n" +
            "[ 2026-11-30 08:00:01.500000  radio: 1234: 1251 D/RLOG-AT  ]\r\n" +
            "[RIL_CMD_READER_1] AT< +MQTTOPEN: OK\r\n" +
            "\r\n");

        Assert.That(analysis.Exchanges.Select(e => (e.Command, e.Final, e.LatencyMs)), Is.EqualTo(new (string, string?, double?)[]
        {
            ("AT+MQTTCFG=\"183.230.40.39\",6002,\"dev1\",120,\"prod\",\"***\",1", "OK", 37),
            ("AT+MQTTOPEN=1,1,0,0,0,\"\",\"\"", "OK", 41),
        }));
        Assert.That(analysis.Urcs.Select(u => u.Name), Is.EqualTo(new[] { "+MQTTOPEN" }));
        Assert.That(Conformance.Analyzer.Reports.JsonReport.Write(analysis), Does.Not.Contain("Rk3Lp9Qx"));
    }

    // An app or vendor daemon that logs the port in its own words, not the RIL's `AT>`; the phone's RILJ and another
    // tag's `OK` among it are not the port's.
    [TestCase("11-30 08:00:00.123  1234  1250 D AtChannel: > AT+CSQ\n11-30 08:00:00.150  1234  1250 I Settings: OK\n" +
        "11-30 08:00:00.160  1234  1251 D AtChannel: < +CSQ: 20,99\n11-30 08:00:00.170  1234  1250 D RILJ    : [3820]> SIGNAL_STRENGTH [SUB0]\n" +
        "11-30 08:00:00.161  1234  1251 D AtChannel: < OK\n", TestName = "threadtime, single arrows")]
    [TestCase("11-30 08:00:00.123 D/ModemCtl( 1234): TX: AT+CSQ\n11-30 08:00:00.160 D/ModemCtl( 1234): RX: +CSQ: 20,99\n" +
        "11-30 08:00:00.161 D/ModemCtl( 1234): RX: OK\n", TestName = "time, TX and RX")]
    [TestCase("11-30 08:00:00.123  1234  1250 D nbiot   : --> AT+CSQ\n11-30 08:00:00.160  1234  1251 D nbiot   : <-- +CSQ: 20,99\n" +
        "11-30 08:00:00.161  1234  1251 D nbiot   : <-- OK\n", TestName = "threadtime, long arrows")]
    [TestCase("11-30 08:00:00.100  1234  1250 I nbiot   : modem ready\n11-30 08:00:00.123  1234  1250 D nbiot   : AT+CSQ\n" +
        "11-30 08:00:00.160  1234  1251 D nbiot   : +CSQ: 20,99\n11-30 08:00:00.161  1234  1251 D nbiot   : OK\n", TestName = "threadtime, no marks")]
    [TestCase("[ 11-30 08:00:00.123  1234: 1250 D/AtChannel ]\n> AT+CSQ\n\n[ 11-30 08:00:00.160  1234: 1251 D/AtChannel ]\n< +CSQ: 20,99\n\n" +
        "[ 11-30 08:00:00.170  1234: 1250 D/RILJ     ]\n[3820]< SIGNAL_STRENGTH {20,99}\n\n[ 11-30 08:00:00.161  1234: 1251 D/AtChannel ]\n< OK\n\n", TestName = "long, single arrows")]
    public void A_program_that_marks_the_traffic_its_own_way_is_read(string log)
    {
        var (source, records) = TempLog.Read(log);

        Assert.That(source.Format, Is.EqualTo(LogFormat.Logcat), () => string.Join(", ", source.Detection.Scores));
        Assert.That(Traffic.Lines(records), Is.EqualTo(CsqExchange));
    }
}
